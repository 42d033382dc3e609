import * as fs from 'node:fs';
import * as path from 'node:path';
import { useInProcessTraining, writeInto } from '@mlops/ml-kit/testing';
import { app } from '../../test/support/app';
import { preprocessJob } from './preprocess';
import { CHECKPOINT_FILE, trainingJob } from './training';

describe('trainingJob (in process)', () => {
  const jobs = useInProcessTraining(preprocessJob, { name: 'iris.csv', file: app.RAW_CSV });
  const tree = jobs.tree;

  it('writes model.json and logs one metric pair per round', async () => {
    const { t, env } = tree({ nEstimators: 20, treesPerRound: 10 });
    const r = await trainingJob(env, { signal: new AbortController().signal });
    expect(r).toMatchObject({ rounds: 2, resumedFromRound: 0 });
    expect(r.validationAccuracy).toBeGreaterThanOrEqual(0.9);
    const model = JSON.parse(fs.readFileSync(path.join(t.modelDir, 'model.json'), 'utf8'));
    expect(model.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(model.metrics['validation:accuracy']).toBe(r.validationAccuracy);
    const lines = jobs.stdout;
    expect(lines.filter((l) => l.startsWith('#metric validation:accuracy='))).toHaveLength(2);
    expect(
      lines.some((l) => /^#metric validation:macro_f1=0\.\d+|^#metric validation:macro_f1=1\n/.test(l)),
    ).toBe(true);
  });

  it('works without the optional stats channel', async () => {
    const { env } = tree({ nEstimators: 5 }, ['train', 'validation']);
    await expect(trainingJob(env, { signal: new AbortController().signal })).resolves.toMatchObject({
      rounds: 1,
    });
  });

  it('stops when the signal aborts, saving a checkpoint of the finished rounds', async () => {
    const { t, env } = tree({ nEstimators: 100, treesPerRound: 5 });
    const stop = new AbortController();
    jobs.onStdout((chunk) => {
      if (chunk.startsWith('#metric validation:accuracy=') && chunk.includes('step=2')) stop.abort();
    });
    await expect(trainingJob(env, { signal: stop.signal })).rejects.toThrow(
      /^training stopped after 3\/20 rounds; checkpoint in .*iris-forest\.json$/,
    );
    const cp = JSON.parse(fs.readFileSync(path.join(t.checkpointDir, CHECKPOINT_FILE), 'utf8'));
    expect(cp.rounds).toHaveLength(3);
    expect(fs.existsSync(path.join(t.modelDir, 'model.json'))).toBe(false);
  });

  it('refuses a checkpoint written with other hyperparameters', async () => {
    const { t, env } = tree({ nEstimators: 10, maxDepth: 3 });
    writeInto(t.checkpointDir, {
      [CHECKPOINT_FILE]: JSON.stringify({
        format: 'mlops.iris.checkpoint',
        classes: ['setosa', 'versicolor', 'virginica'],
        params: {
          nEstimators: 10,
          treesPerRound: 10,
          maxDepth: 9,
          minNumSamples: 3,
          maxFeatures: 0.75,
          seed: 42,
        },
        rounds: [],
      }),
    });
    await expect(trainingJob(env, { signal: new AbortController().signal })).rejects.toThrow(
      /iris-forest\.json: checkpoint was written with other hyperparameters or classes .*"maxDepth":9.*"maxDepth":3/,
    );
  });

  it('rejects stats describing other columns and a missing channel', async () => {
    const { t, env } = tree({ nEstimators: 5 });
    writeInto(t.channels.stats, { 'stats.json': JSON.stringify({ features: ['a'], target: 'b' }) });
    await expect(trainingJob(env, { signal: new AbortController().signal })).rejects.toThrow(
      /stats\.json: stats describe features \["a"\]/,
    );
    const other = tree({ nEstimators: 5 }, ['train']);
    await expect(trainingJob(other.env, { signal: new AbortController().signal })).rejects.toThrow(
      /channel "validation": not declared/,
    );
  });
});
