import type { CreateTrainingJobCommandInput } from '@aws-sdk/client-sagemaker';
import {
  SageMakerValidationError,
  TrainingJobSpec,
  Violation,
  buildTrainingJobRequest,
  prepareTrainingJob,
} from '../src';
import { validateRequest } from '@mlops/contract';
import { IMAGE, ROLE, trainingSpec } from './support/specs';

const NAME = 'iris-train-2026-01-02-03-04-05-006';

function violationsOf(spec: TrainingJobSpec, name = NAME): Violation[] {
  try {
    prepareTrainingJob(spec, name);
  } catch (e) {
    expect(e).toBeInstanceOf(SageMakerValidationError);
    return (e as SageMakerValidationError).violations;
  }
  return [];
}

/** Asserts violations only at `path` (one field may break several rules), one of them naming `rule`. */
function expectOnly(spec: TrainingJobSpec, path: string, rule: string, name = NAME): void {
  const v = violationsOf(spec, name);
  expect(v.length).toBeGreaterThan(0);
  expect([...new Set(v.map((x) => x.path))]).toEqual([path]);
  expect(v.map((x) => x.constraint).join('; ')).toContain(rule);
}

const PATTERN = 'Member must satisfy regular expression pattern';
const atMost = (n: number) => `Member must have length less than or equal to ${n}`;
const atLeast = (n: number) => `Member must have length greater than or equal to ${n}`;

const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

describe('buildTrainingJobRequest', () => {
  test('maps every spec field onto CreateTrainingJob', () => {
    const { request, violations } = buildTrainingJobRequest(
      trainingSpec({
        entrypoint: ['node', 'train.js'],
        arguments: ['--fast'],
        enableNetworkIsolation: true,
        vpc: { securityGroupIds: ['sg-123'], subnets: ['subnet-1'] },
        checkpoint: { s3Uri: 's3://bucket/ckpt' },
        outputKmsKeyId: 'alias/key',
        volumeKmsKeyId: 'alias/volume-key',
        useSpotTraining: true,
        maxWaitTimeSeconds: 7200,
        channels: [
          { name: 'train', s3Uri: 's3://bucket/t/', distribution: 'ShardedByS3Key', inputMode: 'FastFile' },
          {
            name: 'efs',
            fileSystem: { id: 'fs-0123abcd', type: 'EFS', accessMode: 'ro', directoryPath: '/data' },
          },
        ],
      }),
      NAME,
    );
    expect(violations).toEqual([]);
    const expected: CreateTrainingJobCommandInput = {
      TrainingJobName: NAME,
      RoleArn: ROLE,
      AlgorithmSpecification: {
        TrainingImage: IMAGE,
        TrainingInputMode: 'File',
        ContainerEntrypoint: ['node', 'train.js'],
        ContainerArguments: ['--fast'],
        MetricDefinitions: [{ Name: 'loss', Regex: 'loss=([0-9.]+)' }],
      },
      HyperParameters: { epochs: '10', lr: '0.01', optimizer: 'adam' },
      InputDataConfig: [
        {
          ChannelName: 'train',
          InputMode: 'FastFile',
          DataSource: {
            S3DataSource: {
              S3Uri: 's3://bucket/t/',
              S3DataType: 'S3Prefix',
              S3DataDistributionType: 'ShardedByS3Key',
            },
          },
        },
        {
          ChannelName: 'efs',
          DataSource: {
            FileSystemDataSource: {
              FileSystemId: 'fs-0123abcd',
              FileSystemType: 'EFS',
              FileSystemAccessMode: 'ro',
              DirectoryPath: '/data',
            },
          },
        },
      ],
      OutputDataConfig: { S3OutputPath: 's3://bucket/iris/output', KmsKeyId: 'alias/key' },
      ResourceConfig: {
        InstanceType: 'ml.m5.large',
        InstanceCount: 1,
        VolumeSizeInGB: 30,
        VolumeKmsKeyId: 'alias/volume-key',
      },
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      EnableManagedSpotTraining: true,
      Environment: { LOG_LEVEL: 'info' },
      Tags: [{ Key: 'project', Value: 'iris' }],
      EnableNetworkIsolation: true,
      VpcConfig: { SecurityGroupIds: ['sg-123'], Subnets: ['subnet-1'] },
      CheckpointConfig: { S3Uri: 's3://bucket/ckpt' },
    };
    expect(request).toEqual(expected);
    expect(validateRequest('CreateTrainingJob', request)).toEqual([]);
  });
});

describe('CreateTrainingJob constraints', () => {
  test('a valid spec passes', () => {
    expect(violationsOf(trainingSpec())).toEqual([]);
  });

  describe('TrainingJobName', () => {
    test.each([
      ['x'.repeat(64), atMost(63)],
      ['has_underscore', PATTERN],
      ['-leading', PATTERN],
      ['trailing-', PATTERN],
      ['dot.name', PATTERN],
      ['', atLeast(1)],
    ])('%j', (name, rule) => {
      const v = violationsOf(trainingSpec(), name);
      expect(v.every((x) => x.path === 'trainingJobName' && x.value === name)).toBe(true);
      expect(v.map((x) => x.constraint).join('; ')).toContain(rule);
    });
    test('63 chars is fine', () => expect(violationsOf(trainingSpec(), 'a'.repeat(63))).toEqual([]));
  });

  test('RoleArn pattern', () =>
    expectOnly(trainingSpec({ roleArn: 'arn:aws:iam::123:role/x' }), 'roleArn', PATTERN));

  describe('HyperParameters', () => {
    test('100 entries ok, 101 rejected', () => {
      expect(violationsOf(trainingSpec({ hyperparameters: many(100) }))).toEqual([]);
      expectOnly(trainingSpec({ hyperparameters: many(101) }), 'hyperParameters', atMost(100));
    });
    test('key over 256 chars', () => {
      const key = 'k'.repeat(257);
      expectOnly(
        trainingSpec({ hyperparameters: { [key]: 1 } }),
        'hyperParameters',
        `Map keys must satisfy constraint: [${atMost(256)}]`,
      );
    });
    test('the error names the entries at fault and cuts the value', () => {
      const v = violationsOf(trainingSpec({ hyperparameters: { ok: 1, big: 'v'.repeat(2501) } }));
      expect(v.map((x) => x.entries)).toEqual([['big']]);
      let message = '';
      try {
        prepareTrainingJob(trainingSpec({ hyperparameters: { ok: 1, big: 'v'.repeat(2501) } }), NAME);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/at 'hyperParameters' failed .* \(entries: big\)$/);
      expect(message.length).toBeLessThan(500);
    });
    test('value 2500 ok, 2501 rejected (the service limit, not the 256 in the member doc)', () => {
      expect(violationsOf(trainingSpec({ hyperparameters: { big: 'v'.repeat(2500) } }))).toEqual([]);
      expectOnly(
        trainingSpec({ hyperparameters: { big: 'v'.repeat(2501) } }),
        'hyperParameters',
        `Map value must satisfy constraint: [${atMost(2500)}]`,
      );
    });
    test('JSON-encoded length counts', () => {
      expectOnly(
        trainingSpec({ hyperparameters: { list: Array(1300).fill(1) } }),
        'hyperParameters',
        atMost(2500),
      );
    });
    test('NaN', () =>
      expectOnly(trainingSpec({ hyperparameters: { lr: NaN } }), 'hyperParameters.lr', 'finite'));
  });

  describe('channels', () => {
    test.each([
      ['train data', PATTERN],
      ['tr@in', PATTERN],
      ['c'.repeat(65), atMost(64)],
      ['', atLeast(1)],
    ])('ChannelName %j', (name, rule) => {
      const v = violationsOf(trainingSpec({ channels: [{ name, s3Uri: 's3://bucket/x' }] }));
      expect(v.map((x) => x.path)).toContain('inputDataConfig.1.member.channelName');
      expect(v.map((x) => x.constraint).join('; ')).toContain(rule);
    });
    test('dots, hyphens and underscores are allowed', () => {
      expect(
        violationsOf(trainingSpec({ channels: [{ name: 'my-data.v_2', s3Uri: 's3://bucket/x' }] })),
      ).toEqual([]);
    });
    test('duplicate names', () =>
      expectOnly(
        trainingSpec({
          channels: [
            { name: 'train', s3Uri: 's3://b1b/x' },
            { name: 'train', s3Uri: 's3://b1b/y' },
          ],
        }),
        'inputDataConfig.2.member.channelName',
        'Member must be unique within inputDataConfig',
      ));
    test('1..20 channels', () => {
      const ch = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ name: `c${i}`, s3Uri: 's3://bucket/x' }));
      expect(violationsOf(trainingSpec({ channels: ch(20) }))).toEqual([]);
      expectOnly(trainingSpec({ channels: ch(21) }), 'inputDataConfig', atMost(20));
      expectOnly(trainingSpec({ channels: [] }), 'inputDataConfig', atLeast(1));
    });
    test('S3 URI scheme', () =>
      expectOnly(
        trainingSpec({ channels: [{ name: 'train', s3Uri: 'gs://bucket/x' }] }),
        'inputDataConfig.1.member.dataSource.s3DataSource.s3Uri',
        `${PATTERN}: ^(https|s3)://`,
      ));
    test('file system id', () =>
      expectOnly(
        trainingSpec({
          channels: [
            { name: 'efs', fileSystem: { id: 'fs-12', type: 'EFS', accessMode: 'ro', directoryPath: '/d' } },
          ],
        }),
        'inputDataConfig.1.member.dataSource.fileSystemDataSource.fileSystemId',
        atLeast(11),
      ));
  });

  describe('Environment', () => {
    test.each([
      ['1ABC', PATTERN],
      ['A-B', PATTERN],
      ['K'.repeat(513), atMost(512)],
    ])('key %j', (key, rule) => {
      const v = violationsOf(trainingSpec({ environment: { [key]: 'x' } }));
      expect(v.map((x) => x.path)).toEqual(['environment']);
      expect(v[0].constraint).toContain(`Map keys must satisfy constraint: [${rule}`);
    });
    test('value 512 ok, 513 rejected', () => {
      expect(violationsOf(trainingSpec({ environment: { A: 'v'.repeat(512) } }))).toEqual([]);
      expectOnly(
        trainingSpec({ environment: { A: 'v'.repeat(513) } }),
        'environment',
        `Map value must satisfy constraint: [${atMost(512)}]`,
      );
    });
    test('100 entries max', () => {
      const env = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`E${i}`, 'v']));
      expectOnly(trainingSpec({ environment: env }), 'environment', atMost(100));
    });
    test('non-string value', () =>
      expectOnly(
        trainingSpec({ environment: { A: 5 as unknown as string } }),
        'environment',
        'Map value must satisfy constraint: [Member must be a string]',
      ));
  });

  describe('resources and runtime', () => {
    test.each([
      [{ instanceCount: 0 }, 'resourceConfig.instanceCount', 'value greater than or equal to 1'],
      [{ instanceCount: 1.5 }, 'resourceConfig.instanceCount', 'Member must be an integer'],
      [
        { instanceCount: '2' as unknown as number },
        'resourceConfig.instanceCount',
        'Member must be an integer',
      ],
      [
        { instanceType: 'ml.huge.1' },
        'resourceConfig.instanceType',
        'Member must satisfy enum value set: [ml.',
      ],
      [{ volumeSizeGb: 0 }, 'resourceConfig.volumeSizeInGB', 'value greater than or equal to 1'],
      [{ maxRuntimeSeconds: 0 }, 'stoppingCondition.maxRuntimeInSeconds', 'value greater than or equal to 1'],
      [
        { maxRuntimeSeconds: 2_419_201 },
        'stoppingCondition.maxRuntimeInSeconds',
        'value less than or equal to 2419200',
      ],
      [{ image: '' }, 'algorithmSpecification.trainingImage', atLeast(1)],
      [{ image: 'i'.repeat(256) }, 'algorithmSpecification.trainingImage', atMost(255)],
      [
        { inputMode: 'Stream' as 'File' },
        'algorithmSpecification.trainingInputMode',
        'Member must satisfy enum value set: [Pipe, File, FastFile]',
      ],
      [{ entrypoint: [] }, 'algorithmSpecification.containerEntrypoint', atLeast(1)],
      [{ arguments: Array(101).fill('a') }, 'algorithmSpecification.containerArguments', atMost(100)],
      [{ outputPath: 'bucket/out' }, 'outputDataConfig.s3OutputPath', PATTERN],
      [
        { vpc: { securityGroupIds: Array(6).fill('sg-1'), subnets: ['s-1'] } },
        'vpcConfig.securityGroupIds',
        atMost(5),
      ],
      [{ vpc: { securityGroupIds: ['sg-1'], subnets: [] } }, 'vpcConfig.subnets', atLeast(1)],
      [{ checkpoint: { s3Uri: 'file:///tmp' } }, 'checkpointConfig.s3Uri', PATTERN],
      [{ tags: { 'bad#key': 'v' } }, 'tags.1.member.key', PATTERN],
      [{ tags: { k: 'v'.repeat(257) } }, 'tags.1.member.value', atMost(256)],
      [
        { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) },
        'tags',
        atMost(50),
      ],
      [
        { metricDefinitions: [{ name: '', regex: 'x' }] },
        'algorithmSpecification.metricDefinitions.1.member.name',
        atLeast(1),
      ],
      [
        { metricDefinitions: Array.from({ length: 41 }, (_, i) => ({ name: `m${i}`, regex: 'x' })) },
        'algorithmSpecification.metricDefinitions',
        atMost(40),
      ],
      [
        { enableNetworkIsolation: 'yes' as unknown as boolean },
        'enableNetworkIsolation',
        'Member must be a boolean',
      ],
    ] as [Partial<TrainingJobSpec>, string, string][])('%j', (over, path, rule) =>
      expectOnly(trainingSpec(over), path, rule),
    );

    test('unicode tag keys are valid (\\p{L} with the u flag)', () => {
      expect(violationsOf(trainingSpec({ tags: { Größe: 'groß wert' } }))).toEqual([]);
    });
    test('28 days exactly is fine', () =>
      expect(violationsOf(trainingSpec({ maxRuntimeSeconds: 2_419_200 }))).toEqual([]));
  });

  test('one error lists every violation with path, value and rule', () => {
    let err: SageMakerValidationError | undefined;
    try {
      prepareTrainingJob(
        trainingSpec({
          instanceCount: 0,
          environment: { 'BAD-KEY': 'x' },
          channels: [{ name: 'a b', s3Uri: 's3://bucket/x' }],
        }),
        'bad_name',
      );
    } catch (e) {
      err = e as SageMakerValidationError;
    }
    expect(err).toBeInstanceOf(SageMakerValidationError);
    expect(err?.violations.map((v) => v.path)).toEqual([
      'trainingJobName',
      'inputDataConfig.1.member.channelName',
      'environment',
      'resourceConfig.instanceCount',
    ]);
    expect(err?.message).toContain('CreateTrainingJob request is invalid (4 violations)');
    expect(err?.message).toContain(
      "Value 'bad_name' at 'trainingJobName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$',
    );
    expect(err?.message).toContain(
      "Value '0' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});
