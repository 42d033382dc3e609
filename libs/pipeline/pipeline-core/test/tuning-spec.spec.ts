import { join } from 'node:path';
import { getModelConfig, loadConfig } from '@mlops/config-reader';
import {
  exitCodeFor,
  runLayout,
  TUNING_JOB_NAME_MAX,
  tuningJobNameFor,
  tuningSpecFor,
  prepareTuningPlan,
} from '../src';
import { CONFIG_DIR, REPO_ROOT } from './support/paths';

// The documented tuning example (iris with training.tuning), also run end to end by local-pipeline.
const TUNING_CONFIG_DIR = join(REPO_ROOT, 'tools', 'local-pipeline', 'test', 'fixtures', 'tuning');

function iris(configDir: string, processEnv: NodeJS.ProcessEnv = {}) {
  const config = loadConfig({ env: 'local', configDir, processEnv });
  const model = getModelConfig(config, 'iris');
  const layout = runLayout(config.aws.bucket, model.s3Prefixes, 'r1');
  return { roleArn: config.aws.roleArn, runId: 'r1', model, layout };
}

describe('tuningSpecFor', () => {
  it('is undefined for a model without training.tuning (shipped configs/local.yaml)', () => {
    expect(tuningSpecFor(iris(CONFIG_DIR))).toBeUndefined();
  });

  it('maps the tuning section onto a valid CreateHyperParameterTuningJob request', () => {
    const input = iris(TUNING_CONFIG_DIR);
    const spec = tuningSpecFor(input);
    if (!spec) throw new Error('the fixture configures tuning');
    const plan = prepareTuningPlan({ name: tuningJobNameFor('r1', 'iris'), spec });
    expect(plan.name).toBe('iris-tune-r1');
    expect(plan.request.HyperParameterTuningJobName).toBe('iris-tune-r1'); // built once, carried
    const tuning = input.model.training.tuning!;
    expect(spec).toMatchObject({
      strategy: tuning.strategy,
      objective: { metricName: tuning.objective.metric, type: tuning.objective.type },
      maxTrainingJobs: tuning.maxNumberOfTrainingJobs,
      maxParallelTrainingJobs: tuning.maxParallelTrainingJobs,
      ranges: {
        integer: [{ name: 'maxDepth', min: 1, max: 6, scaling: 'Auto' }],
        continuous: [{ name: 'maxFeatures', min: 0.25, max: 1, scaling: 'Logarithmic' }],
      },
    });
    // Static = configured minus tuned: maxDepth is tuned, so it is not static.
    const configured = Object.keys(input.model.training.hyperparameters);
    expect(configured).toContain('maxDepth');
    expect(Object.keys(spec.training.hyperparameters ?? {}).sort()).toEqual(
      configured.filter((k) => k !== 'maxDepth').sort(),
    );
    expect(spec.tags).toMatchObject({ 'mlops:run-id': 'r1', 'mlops:batch': 'training' });
  });

  it('categorical numbers and booleans are sent as the JSON the toolkit decodes', () => {
    const spec = tuningSpecFor(
      iris(TUNING_CONFIG_DIR, {
        // One categorical range replaces the fixture's ranges (env override of a YAML list, as JSON).
        MLOPS__MODELS__IRIS__TRAINING__TUNING__PARAMETER_RANGES:
          '[{"name":"treesPerRound","type":"categorical","values":[5,10,"auto",true]}]',
      }),
    );
    expect(spec?.ranges).toEqual({
      categorical: [{ name: 'treesPerRound', values: ['5', '10', 'auto', 'true'] }],
    });
  });

  it('a request the contract refuses is caught before any call (exit 2)', () => {
    const input = iris(TUNING_CONFIG_DIR, {
      MLOPS__MODELS__IRIS__TRAINING__TUNING__MAX_PARALLEL_TRAINING_JOBS: '100',
    });
    const spec = tuningSpecFor(input)!;
    let err: unknown;
    try {
      prepareTuningPlan({ name: 'x'.repeat(33), spec });
    } catch (e) {
      err = e;
    }
    expect(exitCodeFor(err)).toBe(2);
    expect(String((err as Error).message)).toMatch(/hyperParameterTuningJobName/i);
  });
});

describe('tuningJobNameFor', () => {
  it('is deterministic and fits the 32-character tuning name limit, distinct runs stay distinct', () => {
    expect(tuningJobNameFor('r1', 'iris')).toBe('iris-tune-r1');
    const a = tuningJobNameFor('20261203-132500-abcdef', 'regression-model');
    const b = tuningJobNameFor('20261203-132500-abcdeg', 'regression-model');
    expect(a.length).toBeLessThanOrEqual(TUNING_JOB_NAME_MAX);
    expect(a).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$/);
    expect(a).not.toBe(b);
    expect(tuningJobNameFor('20261203-132500-abcdef', 'regression-model')).toBe(a);
  });
});
