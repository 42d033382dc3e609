import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectPredictions, evaluationInputs, writeEvaluation } from './evaluation-io';

describe('evaluation I/O', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evaluation-io-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('collects actual and predicted values over the files, in order', () => {
    const files = ['a.csv', 'b.csv'].map((n, i) => {
      fs.writeFileSync(path.join(dir, n), `${i * 10 + 1},${i * 10 + 2}`);
      return path.join(dir, n);
    });
    const seen: string[] = [];
    const r = collectPredictions(
      files,
      (text) => ({ y: text.split(',').map(Number) }),
      (data, file) => (seen.push(path.basename(file)), data.y.map((v) => v * 2)),
    );
    expect(r).toEqual({ actual: [1, 2, 11, 12], predicted: [2, 4, 22, 24] });
    expect(seen).toEqual(['a.csv', 'b.csv']);
    expect(() =>
      collectPredictions<number, { y?: number[] }>(
        files,
        () => ({}),
        () => [],
      ),
    ).toThrow(/a\.csv was read without its target column/);
  });

  it('writes evaluation.json and evaluation.svg', () => {
    writeEvaluation(dir, { metrics: { r2: 0.5 } }, '<svg/>');
    expect(fs.readFileSync(path.join(dir, 'evaluation.json'), 'utf8')).toBe(
      '{\n  "metrics": {\n    "r2": 0.5\n  }\n}\n',
    );
    expect(fs.readFileSync(path.join(dir, 'evaluation.svg'), 'utf8')).toBe('<svg/>');
  });

  it('loads the model first, then lists the test CSVs, then finds the output', () => {
    fs.mkdirSync(path.join(dir, 'model'));
    fs.mkdirSync(path.join(dir, 'test'));
    fs.writeFileSync(path.join(dir, 'test', 't.csv'), 'x\n');
    const inputs = { model: path.join(dir, 'model'), test: path.join(dir, 'test') };
    const r = evaluationInputs(
      { inputs, outputs: { evaluation: path.join(dir, 'out') } },
      (d) => `model in ${d}`,
    );
    expect(r).toEqual({
      loaded: `model in ${inputs.model}`,
      files: [path.join(dir, 'test', 't.csv')],
      outDir: path.join(dir, 'out'),
    });
    const bad = () => {
      throw new Error('bad model');
    };
    expect(() => evaluationInputs({ inputs: { model: inputs.model }, outputs: {} }, bad)).toThrow(
      'bad model',
    );
    expect(() => evaluationInputs({ inputs, outputs: {} }, () => 1)).toThrow(
      'processing output "evaluation" is not configured (configured outputs: none)',
    );
  });
});
