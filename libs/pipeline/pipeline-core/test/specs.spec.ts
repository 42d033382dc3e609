import { prepareProcessingJob, prepareTrainingJob } from '@mlops/aws';
import { getModelConfig, loadConfig } from '@mlops/config-reader';
import { exitCodeFor, processingSpecFor, runLayout, trainingSpecFor, prepareJobPlan } from '../src';
import { CONFIG_DIR } from './support/paths';

function iris(processEnv: NodeJS.ProcessEnv = {}) {
  const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv });
  const model = getModelConfig(config, 'iris');
  return { config, model, layout: runLayout(config.aws.bucket, model.s3Prefixes, 'r1') };
}

describe('trainingSpecFor (shipped configs/local.yaml)', () => {
  it('maps config to the container contract: own train entrypoint, 3 channels, run-scoped outputs', () => {
    const { config, model, layout } = iris();
    const request = prepareTrainingJob(
      trainingSpecFor({ roleArn: config.aws.roleArn, runId: 'r1', model, layout }),
      'iris-training-r1',
    );
    expect(request.AlgorithmSpecification?.TrainingImage).toBe(model.image);
    expect(request.AlgorithmSpecification?.ContainerEntrypoint).toBeUndefined();
    expect(request.InputDataConfig?.map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri])).toEqual([
      ['train', `s3://${config.aws.bucket}/iris/r1/processed/train/`],
      ['validation', `s3://${config.aws.bucket}/iris/r1/processed/validation/`],
      ['stats', `s3://${config.aws.bucket}/iris/r1/processed/stats/`],
    ]);
    expect(request.OutputDataConfig?.S3OutputPath).toBe(`s3://${config.aws.bucket}/iris/r1/models/`);
    expect(request.CheckpointConfig?.S3Uri).toBe(`s3://${config.aws.bucket}/iris/r1/models/checkpoints/`);
    // Hyperparameters are strings, values taken from config (not hard-coded here).
    const expected = Object.fromEntries(
      Object.entries(model.training.hyperparameters).map(([k, v]) => [k, String(v)]),
    );
    expect(request.HyperParameters).toEqual(expected);
    expect(request.AlgorithmSpecification?.MetricDefinitions?.map((m) => m.Name)).toEqual(
      model.training.metricDefinitions.map((m) => m.name),
    );
    expect(request.ResourceConfig).toMatchObject({
      InstanceType: model.training.instanceType,
      InstanceCount: model.training.instanceCount,
      VolumeSizeInGB: model.training.volumeSizeInGB,
    });
    expect(request.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'mlops:run-id', Value: 'r1' },
        { Key: 'mlops:model', Value: 'iris' },
      ]),
    );
  });

  it('the plan carries the SDK input built once, exactly what prepareTrainingJob gives for the spec', () => {
    const { config, model, layout } = iris();
    const spec = trainingSpecFor({ roleArn: config.aws.roleArn, runId: 'r1', model, layout });
    const plan = prepareJobPlan({ kind: 'training', name: 'iris-training-r1', spec });
    expect(plan).toEqual({
      kind: 'training',
      name: 'iris-training-r1',
      request: prepareTrainingJob(spec, 'iris-training-r1'),
    });
    expect(plan).not.toHaveProperty('spec');
    expect(plan.kind === 'training' && plan.request.TrainingJobName).toBe('iris-training-r1');
  });

  it('an invalid hyperparameter in config is caught before any call, naming the field (exit 2)', () => {
    const { config, model, layout } = iris({
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__MAXDEPTH: 'x'.repeat(2501),
    });
    const plan = {
      kind: 'training' as const,
      name: 'iris-training-r1',
      spec: trainingSpecFor({ roleArn: config.aws.roleArn, runId: 'r1', model, layout }),
    };
    let caught: unknown;
    try {
      prepareJobPlan(plan);
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).name).toBe('SageMakerValidationError');
    expect((caught as Error).message).toMatch(/hyperParameters.*maxDepth/);
    expect((caught as Error).message).toMatch(/2500/);
    expect(exitCodeFor(caught)).toBe(2);
  });
});

describe('processingSpecFor', () => {
  it('runs `node main.js <job>` with named inputs/outputs under /opt/ml/processing', () => {
    const { config, model, layout } = iris();
    const request = prepareProcessingJob(
      processingSpecFor({
        roleArn: config.aws.roleArn,
        runId: 'r1',
        model,
        job: 'preprocess',
        inputs: { raw: layout.raw },
        outputs: { ...layout.processed },
      }),
      'iris-preprocess-r1',
    );
    expect(request.AppSpecification).toEqual({
      ImageUri: model.image,
      ContainerArguments: ['node', 'main.js', 'preprocess'],
    });
    expect(
      request.ProcessingInputs?.map((i) => [i.InputName, i.S3Input?.S3Uri, i.S3Input?.LocalPath]),
    ).toEqual([['raw', layout.raw, '/opt/ml/processing/input/raw']]);
    expect(
      request.ProcessingOutputConfig?.Outputs?.map((o) => [
        o.OutputName,
        o.S3Output?.S3Uri,
        o.S3Output?.LocalPath,
      ]),
    ).toEqual(
      (['train', 'validation', 'test', 'stats'] as const).map((n) => [
        n,
        layout.processed[n],
        `/opt/ml/processing/output/${n}`,
      ]),
    );
    expect(request.ProcessingResources?.ClusterConfig?.InstanceType).toBe(model.processing.instanceType);
  });

  it('rejects an input that is not an S3 URI before any call', () => {
    const { config, model } = iris();
    expect(() =>
      prepareJobPlan({
        kind: 'processing',
        name: 'iris-inference-r1',
        spec: processingSpecFor({
          roleArn: config.aws.roleArn,
          runId: 'r1',
          model,
          job: 'inference',
          inputs: { data: 'ftp://nope/data' },
          outputs: { predictions: 's3://b/p/' },
        }),
      }),
    ).toThrow(/processingInputs\.1\.member/);
  });
});
