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

describe('iris bundles end to end', () => {
  let splits: Splits;

  beforeAll(async () => {
    splits = await jobs.splits();
  });

  it('preprocess splits all 150 rows deterministically and writes stats', async () => {
    const stats = readJson(splits.stats);
    expect(stats.rows).toEqual({ raw: 150, dropped: 0, train: 102, validation: 24, test: 24 });
    expect(stats.splitSeed).toBe(42);
    // Stratified: round(50 * 0.15) = 8 rows of every class in validation and test.
    expect(stats.classes.test).toEqual({ setosa: 8, versicolor: 8, virginica: 8 });
    expect(stats.classes.validation).toEqual({ setosa: 8, versicolor: 8, virginica: 8 });
    const again = await jobs.splits();
    for (const k of ['train', 'validation', 'test'] as const) expect(read(again[k])).toBe(read(splits[k]));
    const lines = (f: string) => read(f).trim().split('\n').slice(1);
    const all = [...lines(splits.train), ...lines(splits.validation), ...lines(splits.test)].sort();
    expect(all).toEqual(read(app.RAW_CSV).trim().split('\n').slice(1).sort());
  });

  it('trains, evaluates model.tar.gz (accuracy >= 0.9) and predicts', async () => {
    const t = jobs.trainingTree(splits, { nEstimators: 30, treesPerRound: 10, maxDepth: 5, seed: 42 });
    // main.js creates the code dir the toolkit's runner starts in (a bare /opt/ml tree has none).
    fs.rmSync(path.join(t.base, 'code'), { recursive: true });
    const train = await jobs.train(t);
    expect(train.code).toBe(0);
    expect(fs.existsSync(t.successFile)).toBe(true);
    const accuracies = metricValues(train.stdout, 'validation:accuracy');
    expect(accuracies).toHaveLength(3); // one per round
    expect(accuracies[2]).toBeGreaterThanOrEqual(0.9);
    expect(metricValues(train.stdout, 'train:accuracy')[2]).toBeGreaterThanOrEqual(0.9);
    const modelFile = path.join(t.modelDir, 'model.json');
    expect(readJson(modelFile).rounds).toHaveLength(3);

    const evaluation = await jobs.evaluate(t.modelDir, splits.test, { archive: true });
    expect(evaluation.code).toBe(0);
    const { report } = evaluation;
    expect(report.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.metrics.macro_f1).toBeGreaterThanOrEqual(0.9);
    expect(report.n).toBe(24);
    expect(report.confusion_matrix.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(report.confusion_matrix.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(24);
    expect(evaluation.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(evaluation.svg?.match(/class="cell"/g)).toHaveLength(9);

    // Inference on rows without the label, with the extracted model.json this time.
    const testRows = read(splits.test).trim().split('\n');
    const inference = await jobs.infer(modelFile, {
      write: { 'batch.csv': testRows.map((l) => l.split(',').slice(0, 4).join(',')).join('\n') + '\n' },
    });
    expect(inference.code).toBe(0);
    const predictions = inference.lines;
    expect(predictions[0]).toBe(
      'sepal_length,sepal_width,petal_length,petal_width,predicted_species,confidence',
    );
    expect(predictions).toHaveLength(testRows.length);
    const correct = predictions
      .slice(1)
      .filter((l, k) => l.split(',')[4] === testRows[k + 1].split(',')[4]).length;
    expect(correct / (predictions.length - 1)).toBeCloseTo(report.metrics.accuracy, 10);
  });

  it('checkpoints on SIGTERM and resumes to the same model as an uninterrupted run', async () => {
    const hps = { nEstimators: 5000, treesPerRound: 5, maxDepth: 5, seed: 7 };
    const t = jobs.trainingTree(splits, hps);
    const stopped = await jobs.train(t, { stopWhen: /#metric validation:accuracy=\S+ step=1\b/ });
    expect(stopped.stopped).toBe(true);
    expect(stopped.code).toBe(1);
    expect(read(t.failureFile)).toMatch(/^JobStoppedError: training stopped after \d+\/1000 rounds/);
    expect(fs.existsSync(path.join(t.modelDir, 'model.json'))).toBe(false);
    const checkpoint = path.join(t.checkpointDir, 'iris-forest.json');
    const done: number = readJson(checkpoint).rounds.length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(1000);

    // Resume with a smaller total (rounds so far + 2), in a fresh job that keeps the checkpoint dir.
    const total = (done + 2) * 5;
    const resumed = await jobs.resume(checkpoint, splits, { ...hps, nEstimators: total });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`resuming from checkpoint`);
    expect(resumed.stdout).toContain(`at round ${done}/${done + 2}`);
    expect(resumed.stdout).toMatch(new RegExp(`#metric validation:accuracy=\\S+ step=${done}\\n`));
    expect(resumed.stdout).not.toMatch(new RegExp(`step=${done - 1}\\n`));

    const fresh = jobs.trainingTree(splits, { ...hps, nEstimators: total });
    expect((await jobs.train(fresh)).code).toBe(0);
    expect(read(path.join(resumed.tree.modelDir, 'model.json'))).toBe(
      read(path.join(fresh.modelDir, 'model.json')),
    );
  });

  it('a bad hyperparameter fails training with a failure file naming the key', () =>
    expectTrainingFailure(
      jobs,
      splits,
      { nEstimators: 'many', maxDepth: 5 },
      'HyperparameterError: hyperparameter "nEstimators": expected an integer, received "many"',
    ));
});

describe('iris preprocess on corrupt raw data', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'non-numeric value',
      'sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n4.9,abc,1.4,0.2,setosa\n',
      /^DataError: .*\/raw\/iris\.csv: line 3, column "sepal_width": "abc" is not a number$/,
    ],
    [
      'wrong header',
      'a,b,c,d,e\n1,2,3,4,x\n',
      /^DataError: .*\/raw\/iris\.csv: missing column "sepal_length" \(header: a,b,c,d,e\)$/,
    ],
    ['empty file', '', /^DataError: .*\/raw\/iris\.csv: file is empty/],
  ];
  itRejectsCorruptRaw(jobs, cases);
});

describe('main.js', () => {
  it('refuses an unknown command with usage and exit 2', async () => {
    const r = await runBundle(jobs.dist, '/nonexistent', ['fit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "fit"');
    expect(r.stderr).toContain('usage: node main.js <train | preprocess | evaluation | inference>');
  });
});
