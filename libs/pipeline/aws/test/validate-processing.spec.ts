import {
  ProcessingJobSpec,
  SageMakerValidationError,
  Violation,
  buildProcessingJobRequest,
  prepareProcessingJob,
} from '../src';
import { IMAGE, ROLE, processingSpec } from './support/specs';

const NAME = 'iris-eval-1';

function violationsOf(spec: ProcessingJobSpec, name = NAME): Violation[] {
  try {
    prepareProcessingJob(spec, name);
  } catch (e) {
    expect(e).toBeInstanceOf(SageMakerValidationError);
    expect((e as Error).message).toContain('CreateProcessingJob request is invalid');
    return (e as SageMakerValidationError).violations;
  }
  return [];
}

function expectOnly(spec: ProcessingJobSpec, path: string, rule: string, name = NAME): void {
  const v = violationsOf(spec, name);
  expect(v.length).toBeGreaterThan(0);
  expect([...new Set(v.map((x) => x.path))]).toEqual([path]);
  expect(v.map((x) => x.rule).join('; ')).toContain(rule);
}

const input = (name: string, localPath = `/opt/ml/processing/${name}`) => ({
  name,
  s3Uri: 's3://bucket/in',
  localPath,
});

describe('buildProcessingJobRequest', () => {
  test('maps the spec onto CreateProcessingJob', () => {
    expect(
      buildProcessingJobRequest(
        processingSpec({
          arguments: ['--x'],
          tags: { a: 'b' },
          enableNetworkIsolation: false,
          vpc: { securityGroupIds: ['sg-1'], subnets: ['s-1'] },
        }),
        NAME,
      ),
    ).toEqual({
      ProcessingJobName: NAME,
      RoleArn: ROLE,
      AppSpecification: {
        ImageUri: IMAGE,
        ContainerEntrypoint: ['node', '/app/evaluate.js'],
        ContainerArguments: ['--x'],
      },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
      },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      ProcessingInputs: [
        {
          InputName: 'model',
          S3Input: {
            S3Uri: 's3://bucket/iris/model.tar.gz',
            LocalPath: '/opt/ml/processing/model',
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      ],
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: 'report',
            S3Output: {
              S3Uri: 's3://bucket/iris/report',
              LocalPath: '/opt/ml/processing/report',
              S3UploadMode: 'EndOfJob',
            },
          },
        ],
      },
      Environment: { THRESHOLD: '0.9' },
      NetworkConfig: {
        EnableNetworkIsolation: false,
        VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['s-1'] },
      },
      Tags: [{ Key: 'a', Value: 'b' }],
    });
  });
});

describe('CreateProcessingJob constraints', () => {
  test('a valid spec passes', () => expect(violationsOf(processingSpec())).toEqual([]));

  test.each([
    [{ instanceCount: 0 }, 'ProcessingResources.ClusterConfig.InstanceCount', 'must be >= 1'],
    [{ instanceCount: 101 }, 'ProcessingResources.ClusterConfig.InstanceCount', 'must be <= 100'],
    [
      { instanceType: 'ml.p5.48xlarge-ish' },
      'ProcessingResources.ClusterConfig.InstanceType',
      'must be one of',
    ],
    [{ volumeSizeGb: 16385 }, 'ProcessingResources.ClusterConfig.VolumeSizeInGB', 'must be <= 16384'],
    [{ maxRuntimeSeconds: 777_601 }, 'StoppingCondition.MaxRuntimeInSeconds', 'must be <= 777600'],
    [{ maxRuntimeSeconds: 0 }, 'StoppingCondition.MaxRuntimeInSeconds', 'must be >= 1'],
    [{ image: '' }, 'AppSpecification.ImageUri', 'below the minimum 1'],
    [{ entrypoint: ['x'.repeat(257)] }, 'AppSpecification.ContainerEntrypoint[0]', 'exceeds the maximum 256'],
    [{ roleArn: 'role/x' }, 'RoleArn', 'must match pattern'],
    [{ environment: { K: 'v'.repeat(257) } }, 'Environment["K"]', 'exceeds the maximum 256'],
    [
      { environment: { ['K'.repeat(257)]: 'v' } },
      `Environment key "${'K'.repeat(257)}"`,
      'exceeds the maximum 256',
    ],
    [{ environment: { 'my-key': 'v' } }, 'Environment key "my-key"', 'must match pattern'],
    [
      { inputs: Array.from({ length: 11 }, (_, i) => input(`i${i}`)) },
      'ProcessingInputs',
      '11 items, maximum is 10',
    ],
    [
      { inputs: [input('data', '/tmp/data')] },
      'ProcessingInputs[0].S3Input.LocalPath',
      'must begin with /opt/ml/processing/',
    ],
    [{ inputs: [input('a'), input('a')] }, 'ProcessingInputs[1]', 'duplicate InputName'],
    [
      { inputs: [{ name: 'a', s3Uri: 'ftp://x/y', localPath: '/opt/ml/processing/a' }] },
      'ProcessingInputs[0].S3Input.S3Uri',
      'must match pattern',
    ],
    [
      {
        outputs: [
          {
            name: 'r',
            s3Uri: 's3://bucket/r',
            localPath: '/opt/ml/processing/r',
            uploadMode: 'Whenever' as 'EndOfJob',
          },
        ],
      },
      'ProcessingOutputConfig.Outputs[0].S3Output.S3UploadMode',
      'must be one of Continuous, EndOfJob',
    ],
    [
      {
        outputs: Array.from({ length: 11 }, (_, i) => ({
          name: `o${i}`,
          s3Uri: 's3://bucket/o',
          localPath: '/opt/ml/processing/o',
        })),
      },
      'ProcessingOutputConfig.Outputs',
      'maximum is 10',
    ],
  ] as [Partial<ProcessingJobSpec>, string, string][])('%j', (over, path, rule) =>
    expectOnly(processingSpec(over), path, rule),
  );

  test('training allows 512-char env values, processing only 256', () => {
    expect(violationsOf(processingSpec({ environment: { K: 'v'.repeat(256) } }))).toEqual([]);
  });

  test('job name rules are the training ones', () => {
    expectOnly(processingSpec(), 'ProcessingJobName', 'must match pattern', 'eval_job');
    expectOnly(processingSpec(), 'ProcessingJobName', 'exceeds the maximum 63', 'e'.repeat(64));
  });
});
