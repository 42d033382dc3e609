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
  expect(v.map((x) => x.constraint).join('; ')).toContain(rule);
}

const PATTERN = 'Member must satisfy regular expression pattern';
const atMost = (n: number) => `Member must have length less than or equal to ${n}`;
const atLeast = (n: number) => `Member must have length greater than or equal to ${n}`;
const valueAtMost = (n: number) => `Member must have value less than or equal to ${n}`;
const valueAtLeast = (n: number) => `Member must have value greater than or equal to ${n}`;
const CLUSTER = 'processingResources.clusterConfig';

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
          volumeKmsKeyId: 'alias/volume-key',
          outputKmsKeyId: 'alias/output-key',
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
        ClusterConfig: {
          InstanceCount: 1,
          InstanceType: 'ml.m5.large',
          VolumeSizeInGB: 30,
          VolumeKmsKeyId: 'alias/volume-key',
        },
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
        KmsKeyId: 'alias/output-key',
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
    [{ instanceCount: 0 }, `${CLUSTER}.instanceCount`, valueAtLeast(1)],
    [{ instanceCount: 101 }, `${CLUSTER}.instanceCount`, valueAtMost(100)],
    [{ instanceType: 'ml.p5.48xlarge-ish' }, `${CLUSTER}.instanceType`, 'Member must satisfy enum value set'],
    [{ volumeSizeGb: 16385 }, `${CLUSTER}.volumeSizeInGB`, valueAtMost(16384)],
    [{ maxRuntimeSeconds: 777_601 }, 'stoppingCondition.maxRuntimeInSeconds', valueAtMost(777600)],
    [{ maxRuntimeSeconds: 0 }, 'stoppingCondition.maxRuntimeInSeconds', valueAtLeast(1)],
    [{ image: '' }, 'appSpecification.imageUri', atLeast(1)],
    [
      { entrypoint: ['x'.repeat(257)] },
      'appSpecification.containerEntrypoint',
      `Member must satisfy constraint: [${atMost(256)}]`,
    ],
    [{ roleArn: 'role/x' }, 'roleArn', PATTERN],
    [
      { environment: { K: 'v'.repeat(257) } },
      'environment',
      `Map value must satisfy constraint: [${atMost(256)}]`,
    ],
    [
      { environment: { ['K'.repeat(257)]: 'v' } },
      'environment',
      `Map keys must satisfy constraint: [${atMost(256)}]`,
    ],
    [{ environment: { 'my-key': 'v' } }, 'environment', `Map keys must satisfy constraint: [${PATTERN}`],
    [{ inputs: Array.from({ length: 11 }, (_, i) => input(`i${i}`)) }, 'processingInputs', atMost(10)],
    [
      { inputs: [input('data', '/tmp/data')] },
      'processingInputs.1.member.s3Input.localPath',
      'Member must begin with /opt/ml/processing/',
    ],
    [
      { inputs: [input('a'), input('a')] },
      'processingInputs.2.member.inputName',
      'Member must be unique within processingInputs',
    ],
    [
      { inputs: [{ name: 'a', s3Uri: 'ftp://x/y', localPath: '/opt/ml/processing/a' }] },
      'processingInputs.1.member.s3Input.s3Uri',
      PATTERN,
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
      'processingOutputConfig.outputs.1.member.s3Output.s3UploadMode',
      'Member must satisfy enum value set: [Continuous, EndOfJob]',
    ],
    [
      {
        outputs: Array.from({ length: 11 }, (_, i) => ({
          name: `o${i}`,
          s3Uri: 's3://bucket/o',
          localPath: '/opt/ml/processing/o',
        })),
      },
      'processingOutputConfig.outputs',
      atMost(10),
    ],
  ] as [Partial<ProcessingJobSpec>, string, string][])('%j', (over, path, rule) =>
    expectOnly(processingSpec(over), path, rule),
  );

  test('training allows 512-char env values, processing only 256', () => {
    expect(violationsOf(processingSpec({ environment: { K: 'v'.repeat(256) } }))).toEqual([]);
  });

  test('job name rules are the training ones', () => {
    expectOnly(processingSpec(), 'processingJobName', PATTERN, 'eval_job');
    expectOnly(processingSpec(), 'processingJobName', atMost(63), 'e'.repeat(64));
  });
});
