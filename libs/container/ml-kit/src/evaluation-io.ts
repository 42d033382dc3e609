/** The evaluation job's I/O, the same for every model: test CSVs in, evaluation.json + evaluation.svg out. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvFiles, namedDir, writeAll } from './files';

/**
 * The evaluation job's inputs and output, in the order they are checked: the `model` input (loaded by the
 * model's own loader, so a bad model fails first), the CSVs of the `test` input, the `evaluation` output dir.
 */
export function evaluationInputs<M>(
  env: { inputs: Record<string, string>; outputs: Record<string, string> },
  loadModel: (dir: string) => M,
): { loaded: M; files: string[]; outDir: string } {
  const loaded = loadModel(namedDir(env.inputs, 'model', 'input'));
  const files = csvFiles(namedDir(env.inputs, 'test', 'input'), 'test');
  return { loaded, files, outDir: namedDir(env.outputs, 'evaluation', 'output') };
}

/** Actual and predicted values over every test file, in file order (`read` must keep the target column). */
export function collectPredictions<Y, D extends { y?: readonly Y[] }>(
  files: readonly string[],
  read: (text: string, file: string) => D,
  predict: (data: D, file: string) => readonly Y[],
): { actual: Y[]; predicted: Y[] } {
  const actual: Y[] = [];
  const predicted: Y[] = [];
  for (const file of files) {
    const data = read(fs.readFileSync(file, 'utf8'), file);
    if (!data.y) throw new Error(`collectPredictions: ${file} was read without its target column`);
    actual.push(...data.y);
    predicted.push(...predict(data, file));
  }
  return { actual, predicted };
}

/** Writes evaluation.json (what thresholds read) and evaluation.svg into the `evaluation` output, both or neither. */
export function writeEvaluation(outDir: string, report: object, svg: string): void {
  writeAll({
    [path.join(outDir, 'evaluation.json')]: JSON.stringify(report, null, 2) + '\n',
    [path.join(outDir, 'evaluation.svg')]: svg,
  });
}
