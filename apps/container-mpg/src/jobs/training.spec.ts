import * as fs from 'node:fs';
import * as path from 'node:path';
import { useInProcessTraining, writeInto } from '@mlops/ml-kit/testing';
import { app } from '../../test/support/app';
import { preprocessJob } from './preprocess';
import { CHECKPOINT_FILE, trainingJob } from './training';

describe('trainingJob (in process)', () => {
  const jobs = useInProcessTraining(preprocessJob, { name: 'cars.csv', file: app.RAW_CSV });
  const tree = jobs.tree;

  it('fits, logs metrics every logEvery epochs and writes model.json with the stats standardisation', async () => {
    const { t, env } = tree({ epochs: 100, logEvery: 25 });
    const r = await trainingJob(env, { signal: new AbortController().signal });
    expect(r.validation.r2).toBeGreaterThanOrEqual(0.7);
    expect(
      jobs.stdout
        .filter((l) => l.startsWith('#metric validation:r2='))
        .map((l) => l.trim().split(' step=')[1]),
    ).toEqual(['25', '50', '75', '100']);
    const model = JSON.parse(fs.readFileSync(path.join(t.modelDir, 'model.json'), 'utf8'));
    const stats = JSON.parse(fs.readFileSync(jobs.splits.stats, 'utf8'));
    expect(model.standardization.mean[3]).toBe(stats.featureStats.Weight_in_lbs.mean);
    expect(model.metrics['validation:r2']).toBe(r.validation.r2);
  });

  it('without the stats channel standardises with the train split (same numbers)', async () => {
    const withStats = await trainingJob(tree({ epochs: 20 }).env, { signal: new AbortController().signal });
    const without = await trainingJob(tree({ epochs: 20 }, ['train', 'validation']).env, {
      signal: new AbortController().signal,
    });
    expect(without.validation.rmse).toBeCloseTo(withStats.validation.rmse, 9);
  });

  it('a diverging learning rate fails naming the hyperparameter', async () => {
    const { env } = tree({ epochs: 500, learningRate: 9 });
    await expect(trainingJob(env, { signal: new AbortController().signal })).rejects.toThrow(
      /hyperparameter "learningRate": expected a smaller value \(training diverged\), received 9 \(weights became non-finite at epoch \d+\)/,
    );
  });

  it('stops when the signal aborts, saving a checkpoint of the finished epochs', async () => {
    const { t, env } = tree({ epochs: 100_000, logEvery: 1 });
    const stop = new AbortController();
    jobs.onStdout((chunk) => {
      if (chunk.startsWith('#metric validation:r2=') && chunk.includes('step=3')) stop.abort();
    });
    await expect(trainingJob(env, { signal: stop.signal })).rejects.toThrow(
      /^training stopped after 3\/100000 epochs; checkpoint in .*mpg-ridge\.json$/,
    );
    expect(JSON.parse(fs.readFileSync(path.join(t.checkpointDir, CHECKPOINT_FILE), 'utf8')).epoch).toBe(3);
    expect(fs.existsSync(path.join(t.modelDir, 'model.json'))).toBe(false);
  });

  it('refuses a checkpoint written with other hyperparameters', async () => {
    const { t, env } = tree({ epochs: 10, l2: 0.5 });
    writeInto(t.checkpointDir, {
      [CHECKPOINT_FILE]: JSON.stringify({
        format: 'mlops.mpg.checkpoint',
        hyperparameters: { learningRate: 0.05, epochs: 10, l2: 0.001, batchSize: 32, seed: 42, logEvery: 10 },
        standardization: { mean: [], std: [] },
        epoch: 3,
        params: { weights: [], bias: 0 },
      }),
    });
    await expect(trainingJob(env, { signal: new AbortController().signal })).rejects.toThrow(
      /mpg-ridge\.json: checkpoint was written with other hyperparameters or feature statistics .*"l2":0\.001.*"l2":0\.5/,
    );
  });
});
