import { existsSync } from 'node:fs';
import { useBatchHarness } from '@mlops/pipeline-core/testing';
import { training } from '../src/training';

const h = useBatchHarness(training, { name: 'training', s3Bucket: 'mlops-local' });

describe('pipeline-training', () => {
  it('--help prints usage and exit codes', async () => {
    const r = await h.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-training/);
    expect(r.out).toMatch(/Exit codes: 0 ok, 1 job failed, 2 bad input or config \(nothing started\)/);
  });

  it('unknown model: exit 2, no DB, no job', async () => {
    const r = await h.run(['--model', 'ghost', '--run-id', 't1']);
    expect(r.code).toBe(2);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('invalid hyperparameter in config: caught before any job or row (exit 2), naming the key', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 't2'], {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__NESTIMATORS: 'x'.repeat(2501),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CreateTrainingJob request is invalid/);
    expect(r.err).toMatch(/hyperParameters.*nEstimators/);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('with training.tuning: a request the SageMaker rules refuse is exit 2 before any job or row', async () => {
    const tuning = {
      strategy: 'Random',
      maxNumberOfTrainingJobs: 2,
      objective: { metric: 'validation:accuracy', type: 'Maximize' },
      parameterRanges: [{ name: 'maxDepth', type: 'integer', min: 1, max: 6 }],
    };
    const r = await h.run(['--model', 'iris', '--run-id', 't4'], {
      MLOPS__MODELS__IRIS__TRAINING__TUNING: JSON.stringify(tuning),
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__NESTIMATORS: 'x'.repeat(2501),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CreateHyperParameterTuningJob request is invalid/);
    expect(r.err).toMatch(/nEstimators/);
    expect(existsSync(h.dbPath)).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('with training.tuning: an objective that is not a metric definition is a one-line config error (exit 2)', async () => {
    const tuning = {
      strategy: 'Random',
      maxNumberOfTrainingJobs: 2,
      objective: { metric: 'validation:f1', type: 'Maximize' },
      parameterRanges: [{ name: 'maxDepth', type: 'integer', min: 1, max: 6 }],
    };
    const r = await h.run(['--model', 'iris', '--run-id', 't5'], {
      MLOPS__MODELS__IRIS__TRAINING__TUNING: JSON.stringify(tuning),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /models\.iris\.training\.tuning\.objective\.metric.*: must be one of training\.metricDefinitions \(validation:accuracy\), got string "validation:f1"/,
    );
    expect(h.calls).toEqual([]);
  });

  it('no preprocessed split: exit 2 pointing at preprocess, no job and no run row', async () => {
    const r = await h.run(['--model', 'iris', '--run-id', 't3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /No training split at s3:\/\/mlops-local\/iris\/t3\/processed\/train\/: run pipeline-preprocess/,
    );
    expect(h.calls).toEqual([]);
    expect(await h.withDb((db) => db.listPipelineRuns())).toEqual([]);
  });
});
