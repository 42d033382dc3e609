/**
 * End to end on the BUILT bundles, the way the local SageMaker's process runtime runs them
 * (`node main.js <job>`, cwd = dist, SAGEMAKER_BASE_DIR = a per-job /opt/ml tree): preprocess →
 * training → evaluation (model.tar.gz) → inference, then stop/resume and the failure paths.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildBundles,
  copyInto,
  makeProcessingTree,
  makeTrainingTree,
  metricValues,
  RAW_CSV,
  removeDir,
  runBundle,
  writeInto,
} from './support/opt-ml';

jest.setTimeout(120_000);

let dist: string;
const trees: string[] = [];
const track = <T extends { base: string }>(t: T): T => (trees.push(t.base), t);

beforeAll(() => {
  dist = buildBundles();
});

afterAll(() => {
  trees.forEach(removeDir);
  removeDir(dist);
});

const read = (file: string) => fs.readFileSync(file, 'utf8');
const readJson = (file: string) => JSON.parse(read(file));
const HEADER = 'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Miles_per_Gallon';

async function preprocess(): Promise<Record<string, string>> {
  const p = track(makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats']));
  copyInto(p.inputs.raw, { 'cars.csv': RAW_CSV });
  const r = await runBundle(dist, p.base, ['preprocess']);
  expect(r.stderr).not.toMatch(/FAILURE/);
  expect(r.code).toBe(0);
  return {
    train: path.join(p.outputs.train, 'train.csv'),
    validation: path.join(p.outputs.validation, 'validation.csv'),
    test: path.join(p.outputs.test, 'test.csv'),
    stats: path.join(p.outputs.stats, 'stats.json'),
  };
}

function trainingTree(splits: Record<string, string>, hyperparameters: Record<string, unknown>) {
  const t = track(makeTrainingTree(hyperparameters, ['train', 'validation', 'stats']));
  copyInto(t.channels.train, { 'train.csv': splits.train });
  copyInto(t.channels.validation, { 'validation.csv': splits.validation });
  copyInto(t.channels.stats, { 'stats.json': splits.stats });
  return t;
}

describe('mpg bundles end to end', () => {
  let splits: Record<string, string>;

  beforeAll(async () => {
    splits = await preprocess();
  });

  it('preprocess drops the 14 rows with missing values and splits the rest deterministically', async () => {
    const stats = readJson(splits.stats);
    // 406 rows, 8 without mpg and 6 without horsepower; round(392 * 0.15) = 59.
    expect(stats.rows).toEqual({ raw: 406, dropped: 14, train: 274, validation: 59, test: 59 });
    expect(stats.featureStats.Weight_in_lbs.count).toBe(274);
    expect(stats.featureStats.Year.min).toBe(1970);
    const again = await preprocess();
    for (const k of ['train', 'validation', 'test']) expect(read(again[k])).toBe(read(splits[k]));
    expect(read(splits.train).split('\n')[0]).toBe(HEADER);
    const rows = ['train', 'validation', 'test'].flatMap((k) => read(splits[k]).trim().split('\n').slice(1));
    expect(new Set(rows).size).toBeGreaterThan(385); // (a few cars share every value)
    expect(rows).toHaveLength(392);
  });

  it('trains, evaluates model.tar.gz (R² >= 0.7) and predicts', async () => {
    const t = trainingTree(splits, { learningRate: 0.05, epochs: 200, l2: 0.001, seed: 42 });
    // main.js creates the code dir the toolkit's runner starts in (a bare /opt/ml tree has none).
    fs.rmSync(path.join(t.base, 'code'), { recursive: true });
    const train = await runBundle(dist, t.base, ['train']);
    expect(train.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    const r2 = metricValues(train.stdout, 'validation:r2');
    expect(r2).toHaveLength(20); // every 10 epochs
    expect(r2[19]).toBeGreaterThanOrEqual(0.7);
    const rmse = metricValues(train.stdout, 'validation:rmse');
    expect(rmse[19]).toBeLessThan(rmse[0] + 1e-9);
    expect(rmse[19]).toBeLessThan(4.5);
    const modelFile = path.join(t.modelDir, 'model.json');
    expect(readJson(modelFile).weights).toHaveLength(6);

    const e = track(makeProcessingTree(['model', 'test'], ['evaluation']));
    const tgz = spawnSync('tar', [
      '-czf',
      path.join(e.inputs.model, 'model.tar.gz'),
      '-C',
      t.modelDir,
      'model.json',
    ]);
    expect(tgz.status).toBe(0);
    copyInto(e.inputs.test, { 'test.csv': splits.test });
    const evaluation = await runBundle(dist, e.base, ['evaluation']);
    expect(evaluation.code).toBe(0);
    const report = readJson(path.join(e.outputs.evaluation, 'evaluation.json'));
    expect(report.n).toBe(59);
    expect(report.metrics.r2).toBeGreaterThanOrEqual(0.7);
    expect(report.metrics.rmse).toBeLessThan(4.5);
    expect(report.metrics.mae).toBeLessThanOrEqual(report.metrics.rmse);
    const svg = read(path.join(e.outputs.evaluation, 'evaluation.svg'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/class="point"/g)).toHaveLength(59);
    expect(svg).toContain('class="identity"');

    // Inference on the raw cars (Name, Origin kept) without the target column.
    const i = track(makeProcessingTree(['model', 'data'], ['predictions']));
    copyInto(i.inputs.model, { 'model.json': modelFile });
    const testRows = read(splits.test).trim().split('\n');
    writeInto(i.inputs.data, {
      'batch.csv': testRows.map((l) => l.split(',').slice(0, 6).join(',')).join('\n') + '\n',
    });
    const inference = await runBundle(dist, i.base, ['inference']);
    expect(inference.code).toBe(0);
    const predictions = read(path.join(i.outputs.predictions, 'predictions.csv')).trim().split('\n');
    expect(predictions[0]).toBe(
      'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,predicted_Miles_per_Gallon',
    );
    expect(predictions).toHaveLength(60);
    const predicted = predictions.slice(1).map((l) => Number(l.split(',')[6]));
    const actual = testRows.slice(1).map((l) => Number(l.split(',')[6]));
    const rmse2 = Math.sqrt(actual.reduce((s, a, k) => s + (a - predicted[k]) ** 2, 0) / actual.length);
    expect(rmse2).toBeCloseTo(report.metrics.rmse, 3);
  });

  it('checkpoints on SIGTERM and resumes to the same model as an uninterrupted run', async () => {
    const hps = { learningRate: 0.01, epochs: 5_000_000, l2: 0.01, seed: 3, logEvery: 5 };
    const t = trainingTree(splits, hps);
    let sent = false;
    const stopped = await runBundle(dist, t.base, ['train'], {
      onStdout: (out, kill) => {
        if (!sent && /#metric validation:r2=\S+ step=10\b/.test(out)) {
          sent = true;
          kill('SIGTERM');
        }
      },
    });
    expect(sent).toBe(true);
    expect(stopped.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/5000000 epochs/);
    expect(fs.existsSync(path.join(t.modelDir, 'model.json'))).toBe(false);
    const checkpoint = readJson(path.join(t.checkpointDir, 'mpg-ridge.json'));
    const done: number = checkpoint.epoch;
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done).toBeLessThan(5_000_000);

    // Resume with a smaller total (epochs so far + 7), in a fresh job that keeps the checkpoint dir.
    const total = done + 7;
    const resumedTree = trainingTree(splits, { ...hps, epochs: total });
    copyInto(resumedTree.checkpointDir, { 'mpg-ridge.json': path.join(t.checkpointDir, 'mpg-ridge.json') });
    const resumed = await runBundle(dist, resumedTree.base, ['train']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at epoch ${done}/${total}`);
    expect(resumed.stdout).toMatch(new RegExp(`#metric validation:r2=\\S+ step=${total}\\n`));

    const fresh = trainingTree(splits, { ...hps, epochs: total });
    expect((await runBundle(dist, fresh.base, ['train'])).code).toBe(0);
    expect(read(path.join(resumedTree.modelDir, 'model.json'))).toBe(
      read(path.join(fresh.modelDir, 'model.json')),
    );
  });

  it('a bad hyperparameter fails training with a failure file naming the key', async () => {
    const t = trainingTree(splits, { learningRate: -1, epochs: 10 });
    const r = await runBundle(dist, t.base, ['train']);
    expect(r.code).toBe(1);
    expect(read(t.failureFile)).toBe(
      'HyperparameterError: hyperparameter "learningRate": expected a number > 0 and <= 10, received -1',
    );
    expect(fs.existsSync(t.successFile)).toBe(false);
    expect(fs.readdirSync(t.modelDir)).toEqual([]);
  });
});

describe('mpg preprocess on corrupt raw data', () => {
  const ok =
    'Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin\nford pinto,25,4,98,,2046,19,1971,USA\n';
  const cases: Array<[string, string, RegExp]> = [
    [
      'non-numeric value',
      `${ok}amc gremlin,21,6,199,ninety,2648,15,1970,USA\n`,
      /^DataError: .*\/raw\/cars\.csv: line 3, column "Horsepower": "ninety" is not a number$/,
    ],
    [
      'wrong header',
      'name,mpg,cyl\nx,1,2\n',
      /^DataError: .*\/raw\/cars\.csv: missing column "Cylinders" \(header: name,mpg,cyl\)$/,
    ],
    ['empty file', '', /^DataError: .*\/raw\/cars\.csv: file is empty/],
    [
      'too few usable rows',
      ok,
      /^DataError: .*\/raw\/cars\.csv: only 0 usable rows \(1 dropped for missing values\)/,
    ],
  ];
  it.each(cases)(
    '%s → exit 1, output/message names the problem, no outputs',
    async (_name, csv, expected) => {
      const p = track(makeProcessingTree(['raw'], ['train', 'validation', 'test', 'stats']));
      writeInto(p.inputs.raw, { 'cars.csv': csv });
      const r = await runBundle(dist, p.base, ['preprocess']);
      expect(r.code).toBe(1);
      expect(read(path.join(p.base, 'output', 'message'))).toMatch(expected);
      for (const dir of Object.values(p.outputs)) expect(fs.readdirSync(dir)).toEqual([]);
    },
  );
});

describe('main.js', () => {
  it('refuses an unknown command with usage and exit 2', async () => {
    const r = await runBundle(dist, '/nonexistent', []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: node main.js <train | preprocess | evaluation | inference>');
  });
});
