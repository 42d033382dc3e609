/**
 * End to end on the BUILT bundles, the way the local SageMaker's process runtime runs them
 * (`node main.js <job>`, cwd = dist, SAGEMAKER_BASE_DIR = a per-job /opt/ml tree): preprocess →
 * training → evaluation (model.tar.gz) → inference, then stop/resume and the failure paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  expectTrainingFailure,
  itRejectsCorruptRaw,
  metricValues,
  runBundle,
  Splits,
  useBundleJobs,
} from '@mlops/ml-kit/testing';
import { app } from './support/app';

jest.setTimeout(120_000);

const jobs = useBundleJobs(app);
const read = (file: string) => fs.readFileSync(file, 'utf8');
const readJson = (file: string) => JSON.parse(read(file));
const HEADER = 'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Miles_per_Gallon';

describe('mpg bundles end to end', () => {
  let splits: Splits;

  beforeAll(async () => {
    splits = await jobs.splits();
  });

  it('preprocess drops the 14 rows with missing values and splits the rest deterministically', async () => {
    const stats = readJson(splits.stats);
    // 406 rows, 8 without mpg and 6 without horsepower; round(392 * 0.15) = 59.
    expect(stats.rows).toEqual({ raw: 406, dropped: 14, train: 274, validation: 59, test: 59 });
    expect(stats.featureStats.Weight_in_lbs.count).toBe(274);
    expect(stats.featureStats.Year.min).toBe(1970);
    const again = await jobs.splits();
    for (const k of ['train', 'validation', 'test'] as const) expect(read(again[k])).toBe(read(splits[k]));
    expect(read(splits.train).split('\n')[0]).toBe(HEADER);
    const rows = (['train', 'validation', 'test'] as const).flatMap((k) =>
      read(splits[k]).trim().split('\n').slice(1),
    );
    expect(new Set(rows).size).toBeGreaterThan(385); // (a few cars share every value)
    expect(rows).toHaveLength(392);
  });

  it('trains, evaluates model.tar.gz (R² >= 0.7) and predicts', async () => {
    const t = jobs.trainingTree(splits, { learningRate: 0.05, epochs: 200, l2: 0.001, seed: 42 });
    // main.js creates the code dir the toolkit's runner starts in (a bare /opt/ml tree has none).
    fs.rmSync(path.join(t.base, 'code'), { recursive: true });
    const train = await jobs.train(t);
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

    const evaluation = await jobs.evaluate(t.modelDir, splits.test, { archive: true });
    expect(evaluation.code).toBe(0);
    const { report, svg } = evaluation;
    expect(report.n).toBe(59);
    expect(report.metrics.r2).toBeGreaterThanOrEqual(0.7);
    expect(report.metrics.rmse).toBeLessThan(4.5);
    expect(report.metrics.mae).toBeLessThanOrEqual(report.metrics.rmse);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg?.match(/class="point"/g)).toHaveLength(59);
    expect(svg).toContain('class="identity"');

    // Inference on the raw cars (Name, Origin kept) without the target column.
    const testRows = read(splits.test).trim().split('\n');
    const inference = await jobs.infer(modelFile, {
      write: { 'batch.csv': testRows.map((l) => l.split(',').slice(0, 6).join(',')).join('\n') + '\n' },
    });
    expect(inference.code).toBe(0);
    const predictions = inference.lines;
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
    const t = jobs.trainingTree(splits, hps);
    const stopped = await jobs.train(t, { stopWhen: /#metric validation:r2=\S+ step=10\b/ });
    expect(stopped.stopped).toBe(true);
    expect(stopped.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/5000000 epochs/);
    expect(fs.existsSync(path.join(t.modelDir, 'model.json'))).toBe(false);
    const checkpoint = path.join(t.checkpointDir, 'mpg-ridge.json');
    const done: number = readJson(checkpoint).epoch;
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done).toBeLessThan(5_000_000);

    // Resume with a smaller total (epochs so far + 7), in a fresh job that keeps the checkpoint dir.
    const total = done + 7;
    const resumed = await jobs.resume(checkpoint, splits, { ...hps, epochs: total });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`at epoch ${done}/${total}`);
    expect(resumed.stdout).toMatch(new RegExp(`#metric validation:r2=\\S+ step=${total}\\n`));

    const fresh = jobs.trainingTree(splits, { ...hps, epochs: total });
    expect((await jobs.train(fresh)).code).toBe(0);
    expect(read(path.join(resumed.tree.modelDir, 'model.json'))).toBe(
      read(path.join(fresh.modelDir, 'model.json')),
    );
  });

  it('a bad hyperparameter fails training with a failure file naming the key', () =>
    expectTrainingFailure(
      jobs,
      splits,
      { learningRate: -1, epochs: 10 },
      'HyperparameterError: hyperparameter "learningRate": expected a number > 0 and <= 10, received -1',
    ));
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
  itRejectsCorruptRaw(jobs, cases);
});

describe('main.js', () => {
  it('refuses an unknown command with usage and exit 2', async () => {
    const r = await runBundle(jobs.dist, '/nonexistent', []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: node main.js <train | preprocess | evaluation | inference>');
  });
});
