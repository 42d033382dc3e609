import { isValidJobName } from '@mlops/aws';
import { InputError, jobNameFor, runLayout } from '../src';

const prefixes = {
  raw: 'iris/raw/',
  processed: 'iris/processed/',
  models: 'iris/models/',
  evaluation: 'iris/evaluation/',
  inference: 'iris/inference/',
};

describe('runLayout', () => {
  it('puts a whole run under s3://<bucket>/<model>/<run-id>/', () => {
    expect(runLayout('b', prefixes, 'r1')).toEqual({
      raw: 's3://b/iris/r1/raw/',
      processed: {
        train: 's3://b/iris/r1/processed/train/',
        validation: 's3://b/iris/r1/processed/validation/',
        test: 's3://b/iris/r1/processed/test/',
        stats: 's3://b/iris/r1/processed/stats/',
      },
      models: 's3://b/iris/r1/models/',
      checkpoints: 's3://b/iris/r1/models/checkpoints/',
      evaluation: 's3://b/iris/r1/evaluation/',
      inference: 's3://b/iris/r1/inference/',
    });
  });

  it('inserts the run id before the last segment of deeper prefixes, with or without slashes', () => {
    const layout = runLayout('b', { ...prefixes, raw: 'team-a/datasets/iris-raw' }, 'r2');
    expect(layout.raw).toBe('s3://b/team-a/datasets/r2/iris-raw/');
  });

  it('rejects prefixes that cannot hold a run', () => {
    expect(() => runLayout('b', { ...prefixes, models: '/' }, 'r')).toThrow(InputError);
    expect(() => runLayout('b', { ...prefixes, models: 'a/../b/' }, 'r')).toThrow(/s3Prefixes.models/);
  });
});

describe('jobNameFor', () => {
  it('is deterministic and readable: <model>-<batch>-<run-id>', () => {
    expect(jobNameFor('r1', 'iris', 'training')).toBe('iris-training-r1');
    expect(jobNameFor('r1', 'iris', 'training')).toBe(jobNameFor('r1', 'iris', 'training'));
  });

  it('differs per batch, model and run', () => {
    const names = new Set([
      jobNameFor('r1', 'iris', 'training'),
      jobNameFor('r1', 'iris', 'evaluation'),
      jobNameFor('r2', 'iris', 'training'),
      jobNameFor('r1', 'mpg', 'training'),
    ]);
    expect(names.size).toBe(4);
  });

  it('stays valid and <= 63 chars for the longest inputs, keeping distinct inputs distinct', () => {
    const runA = `${'a'.repeat(31)}b`;
    const runB = `${'a'.repeat(31)}c`;
    const model = 'a-very-long-model-name-for-a-team';
    const a = jobNameFor(runA, model, 'evaluation');
    const b = jobNameFor(runB, model, 'evaluation');
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(isValidJobName(name)).toBe(true);
    }
    expect(a).not.toBe(b);
    expect(a.startsWith('a-very-long-model-name-for-a-team-evaluation-')).toBe(true);
  });
});
