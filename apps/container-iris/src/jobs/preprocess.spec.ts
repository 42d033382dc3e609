import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProcessingEnv } from '@mlops/sagemaker-toolkit';
import { preprocessTree, useInProcessJobs } from '@mlops/ml-kit/testing';
import { app } from '../../test/support/app';
import { preprocessJob } from './preprocess';

describe('preprocessJob', () => {
  const jobs = useInProcessJobs();

  function run(environment: Record<string, string> = {}, raw?: string) {
    const tree = jobs.track(preprocessTree({ name: 'iris.csv', file: app.RAW_CSV, text: raw }, environment));
    const stats = preprocessJob(loadProcessingEnv({ baseDir: tree.base }), { processEnv: {} });
    return { tree, stats };
  }

  it('writes the three splits and stats.json with train-split feature statistics', () => {
    const { tree, stats } = run();
    const train = fs.readFileSync(path.join(tree.outputs.train, 'train.csv'), 'utf8').trim().split('\n');
    expect(train[0]).toBe('sepal_length,sepal_width,petal_length,petal_width,species');
    expect(train).toHaveLength(103);
    const onDisk = JSON.parse(fs.readFileSync(path.join(tree.outputs.stats, 'stats.json'), 'utf8'));
    expect(onDisk).toEqual(stats);
    expect(stats.source).toEqual({
      file: 'iris.csv',
      sha256: '91eb642c3adbc7bad8e99c930c11fa3a5cc8a07262c7a753b4e6ecf405f2e05e',
    });
    const petal = train.slice(1).map((l) => Number(l.split(',')[2]));
    expect(stats.featureStats.petal_length.count).toBe(102);
    expect(stats.featureStats.petal_length.mean).toBeCloseTo(
      petal.reduce((s, v) => s + v, 0) / petal.length,
      12,
    );
    expect(stats.featureStats.petal_length.max).toBe(Math.max(...petal));
  });

  it('takes SPLIT_SEED from the request Environment', () => {
    const a = run({ SPLIT_SEED: '1' });
    const b = run({ SPLIT_SEED: '2' });
    expect(a.stats.splitSeed).toBe(1);
    const test = (t: typeof a) => fs.readFileSync(path.join(t.tree.outputs.test, 'test.csv'), 'utf8');
    expect(test(a)).not.toBe(test(b));
    expect(test(a)).toBe(test(run({ SPLIT_SEED: '1' })));
  });

  it('rejects data with too few rows or a single class', () => {
    const header = 'sepal_length,sepal_width,petal_length,petal_width,species\n';
    expect(() => run({}, header + '1,2,3,4,a\n')).toThrow(
      /iris\.csv: only 1 data rows; at least 20 are needed/,
    );
    expect(() => run({}, header + '1,2,3,4,a\n'.repeat(30))).toThrow(
      /iris\.csv: column "species" has a single class \(a\)/,
    );
  });

  it('names a missing processing output', () => {
    const tree = jobs.track(
      preprocessTree({ name: 'iris.csv', file: app.RAW_CSV }, {}, ['train', 'validation', 'test']),
    );
    expect(() => preprocessJob(loadProcessingEnv({ baseDir: tree.base }), { processEnv: {} })).toThrow(
      'processing output "stats" is not configured (configured outputs: train, validation, test)',
    );
  });
});
