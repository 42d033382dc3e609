import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inferenceInputs, predictFiles, writePredictions } from './inference-io';

describe('inference I/O', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inference-io-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (files: Record<string, string>) =>
    Object.entries(files).map(([n, text]) => (fs.writeFileSync(path.join(dir, n), text), path.join(dir, n)));

  it('keeps the input rows and appends the prediction values, over several files', () => {
    const files = write({ 'a.csv': 'id,x\nr1,1\nr2,2\n', 'b.csv': 'id,x\nr3,3\n' });
    const r = predictFiles(files, ['p', 'c'], (table) => table.rows.map((row) => [`p${row.values[1]}`, '1']));
    expect(r).toEqual({
      header: ['id', 'x', 'p', 'c'],
      rows: [
        ['r1', '1', 'p1', '1'],
        ['r2', '2', 'p2', '1'],
        ['r3', '3', 'p3', '1'],
      ],
    });
    const out = writePredictions(path.join(dir, 'out'), r.header, r.rows);
    expect(out).toBe(path.join(dir, 'out', 'predictions.csv'));
    expect(fs.readFileSync(out, 'utf8')).toBe('id,x,p,c\nr1,1,p1,1\nr2,2,p2,1\nr3,3,p3,1\n');
  });

  it('refuses differing headers and an input that has a prediction column', () => {
    const [a, b] = write({ 'a.csv': 'x\n1\n', 'b.csv': 'y\n1\n' });
    const none = () => [['']];
    expect(() => predictFiles([a, b], ['p'], none)).toThrow(`${b}: header y differs from a.csv's x`);
    const [c] = write({ 'c.csv': 'x,p\n1,2\n' });
    expect(() => predictFiles([c], ['p'], none)).toThrow(`${c}: input already has a "p" column`);
  });

  it('loads the model first, then lists the data CSVs, then finds the output', () => {
    fs.mkdirSync(path.join(dir, 'model'));
    fs.mkdirSync(path.join(dir, 'data'));
    const inputs = { model: path.join(dir, 'model'), data: path.join(dir, 'data') };
    const outputs = { predictions: path.join(dir, 'out') };
    expect(() => inferenceInputs({ inputs, outputs }, () => 1)).toThrow(/no \.csv file in the data input/);
    const [a] = write({ 'data/a.csv': 'x\n' });
    expect(inferenceInputs({ inputs, outputs }, (d) => d)).toEqual({
      loaded: inputs.model,
      files: [a],
      outDir: outputs.predictions,
    });
    expect(() => inferenceInputs({ inputs: { data: inputs.data }, outputs }, () => 1)).toThrow(
      'processing input "model" is not configured (configured inputs: data)',
    );
  });
});
