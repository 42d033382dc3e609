import { getModelConfig, loadConfig } from '@mlops/config-reader';
import {
  canonicalJson,
  contentVersion,
  IMAGE_DIGESTS_ENV,
  imageDigestFor,
  InputError,
  normaliseRequest,
  parseImageDigests,
  prepareJobPlan,
  processingSpecFor,
  runLayout,
  stepCacheKey,
  trainingSpecFor,
} from '../src';
import type { JobPlan, StepCacheKeyInput } from '../src';
import { CONFIG_DIR } from './support/paths';

function irisTraining(runId: string, hyperparameters?: Record<string, number>): JobPlan {
  const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: {} });
  const base = getModelConfig(config, 'iris');
  const model = hyperparameters
    ? {
        ...base,
        training: {
          ...base.training,
          hyperparameters: { ...base.training.hyperparameters, ...hyperparameters },
        },
      }
    : base;
  const layout = runLayout(config.aws.bucket, model.s3Prefixes, runId);
  return prepareJobPlan({
    kind: 'training',
    name: `iris-training-${runId}`,
    spec: trainingSpecFor({ roleArn: config.aws.roleArn, runId, model, layout }),
  });
}

function irisEvaluation(runId: string, modelUri: string): JobPlan {
  const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: {} });
  const model = getModelConfig(config, 'iris');
  const layout = runLayout(config.aws.bucket, model.s3Prefixes, runId);
  return prepareJobPlan({
    kind: 'processing',
    name: `iris-evaluation-${runId}`,
    spec: processingSpecFor({
      roleArn: config.aws.roleArn,
      runId,
      model,
      job: 'evaluation',
      inputs: { model: modelUri, test: layout.processed.test },
      outputs: { evaluation: layout.evaluation },
    }),
  });
}

function keyInput(plan: JobPlan, runId: string, over: Partial<StepCacheKeyInput> = {}): StepCacheKeyInput {
  const { request, inputs } = normaliseRequest(plan, runId);
  return {
    kind: plan.kind,
    request,
    // The content of each input, as s3ContentVersion would give it: here a fixed dataset per name.
    inputs: Object.fromEntries(
      Object.keys(inputs).map((name) => [name, contentVersion([{ name: 'data.csv', digest: `${name}-v1` }])]),
    ),
    imageDigest: 'sha256:' + 'a'.repeat(64),
    code: 'c'.repeat(64),
    ...over,
  };
}

describe('step cache key', () => {
  it('is the same for two runs with the same content (run id, job name and locations do not count)', () => {
    const a = stepCacheKey(keyInput(irisTraining('r1'), 'r1'));
    const b = stepCacheKey(keyInput(irisTraining('r2-other'), 'r2-other'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('changes when a hyperparameter changes', () => {
    const base = stepCacheKey(keyInput(irisTraining('r1'), 'r1'));
    const changed = stepCacheKey(keyInput(irisTraining('r2', { maxDepth: 6 }), 'r2'));
    expect(changed).not.toBe(base);
  });

  it('changes when the dataset, the image digest or the code changes', () => {
    const input = keyInput(irisTraining('r1'), 'r1');
    const base = stepCacheKey(input);
    const otherData = contentVersion([{ name: 'data.csv', digest: 'train-v2' }]);
    const variants = [
      { ...input, inputs: { ...input.inputs, train: otherData } },
      { ...input, imageDigest: 'sha256:' + 'b'.repeat(64) },
      { ...input, code: 'd'.repeat(64) },
    ];
    const keys = variants.map((v) => stepCacheKey(v));
    for (const k of keys) expect(k).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not depend on key order, and the same input always gives the same key', () => {
    const input = keyInput(irisTraining('r1'), 'r1');
    const reversed = Object.fromEntries(Object.entries(input).reverse()) as unknown as StepCacheKeyInput;
    expect(stepCacheKey(reversed)).toBe(stepCacheKey(input));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] })).toBe('{"a":[2,{"c":null,"d":1}],"b":1}');
  });
});

describe('normaliseRequest', () => {
  it('takes inputs out by name (their content is keyed), drops the name and run-id tag, and neutralises the run segment', () => {
    const plan = irisEvaluation('r7', 's3://mlops-local/iris/r3/models/iris-training-r3/output/');
    const { request, inputs } = normaliseRequest(plan, 'r7');
    expect(inputs).toEqual({
      model: 's3://mlops-local/iris/r3/models/iris-training-r3/output/',
      test: 's3://mlops-local/iris/r7/processed/test/',
    });
    const text = JSON.stringify(request);
    expect(text).not.toContain('r7');
    expect(text).not.toContain('iris-evaluation');
    expect(text).toContain('s3://mlops-local/iris/{run}/evaluation/');
    expect(text).not.toContain('mlops:run-id');
    expect(text).toContain('mlops:model');
  });

  it('an evaluation of a model from another run with the same bytes gets the same key', () => {
    const a = irisEvaluation('r1', 's3://mlops-local/iris/r1/models/iris-training-r1/output/');
    const b = irisEvaluation('r2', 's3://mlops-local/iris/r0/models/iris-training-r0/output/');
    expect(stepCacheKey(keyInput(b, 'r2'))).toBe(stepCacheKey(keyInput(a, 'r1')));
  });
});

describe('image digests', () => {
  it('takes a digest pinned in the URI first, then the environment map, else unknown', () => {
    const pinned = `123.dkr.ecr.us-east-1.amazonaws.com/container-iris@sha256:${'e'.repeat(64)}`;
    expect(imageDigestFor(pinned, {})).toBe(`sha256:${'e'.repeat(64)}`);
    expect(imageDigestFor('container-iris:latest', { 'container-iris:latest': 'sha256:1' })).toBe('sha256:1');
    expect(imageDigestFor('container-iris:latest', { 'container-mpg:latest': 'sha256:1' })).toBeUndefined();
  });

  it('parses the env map and names the variable when it is malformed', () => {
    expect(parseImageDigests(undefined)).toEqual({});
    expect(parseImageDigests('{"a:latest":"sha256:1"}')).toEqual({ 'a:latest': 'sha256:1' });
    for (const bad of ['{', '[]', '{"a":1}', '{"a":""}']) {
      expect(() => parseImageDigests(bad)).toThrow(InputError);
      expect(() => parseImageDigests(bad)).toThrow(IMAGE_DIGESTS_ENV);
    }
  });
});
