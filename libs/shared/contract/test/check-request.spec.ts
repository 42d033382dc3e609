import {
  checkRequest,
  TRAINING_INSTANCE_TYPES,
  PROCESSING_INSTANCE_TYPES,
  validateRequest,
  validationMessage,
  violationText,
} from '../src';
import type { SageMakerOperation } from '../src';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const training = (over: Record<string, unknown> = {}) => ({
  TrainingJobName: 'job-1',
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  ...over,
});
const texts = (op: SageMakerOperation, req: unknown) =>
  checkRequest(op, req).map((v) => `${v.path}: ${v.constraint}`);

describe('checkRequest (SageMaker model constraints)', () => {
  it('accepts a valid request', () => {
    expect(validateRequest('CreateTrainingJob', training())).toEqual([]);
  });

  it('words a pattern violation as the service does', () => {
    const v = checkRequest('CreateTrainingJob', training({ TrainingJobName: 'bad_name' }));
    expect(validationMessage(v)).toBe(
      "1 validation error detected: Value 'bad_name' at 'trainingJobName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$',
    );
  });

  it('reports missing required members as null, and counts several errors', () => {
    const v = checkRequest('CreateTrainingJob', { TrainingJobName: 'x' });
    expect(validationMessage(v)).toMatch(/^5 validation errors detected: /);
    expect(validationMessage(v)).toContain(
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it('refuses an instance type outside the model enum', () => {
    const v = texts(
      'CreateTrainingJob',
      training({ ResourceConfig: { InstanceType: 'ml.fake.huge', VolumeSizeInGB: 1 } }),
    );
    expect(v).toEqual([
      expect.stringMatching(/^resourceConfig.instanceType: Member must satisfy enum value set: \[ml\./),
    ]);
    expect(TRAINING_INSTANCE_TYPES).toContain('ml.m5.large');
    expect(PROCESSING_INSTANCE_TYPES).toContain('ml.t3.medium');
  });

  it('refuses an s3:// URI with no bucket', () => {
    expect(texts('CreateTrainingJob', training({ OutputDataConfig: { S3OutputPath: 's3://' } }))).toEqual([
      'outputDataConfig.s3OutputPath: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$',
    ]);
  });

  it('checks ranges of KeepAlivePeriodInSeconds, MaxPendingTimeInSeconds and RetryStrategy', () => {
    const v = texts(
      'CreateTrainingJob',
      training({
        ResourceConfig: {
          InstanceType: 'ml.m5.large',
          InstanceCount: 1,
          VolumeSizeInGB: 1,
          KeepAlivePeriodInSeconds: 3601,
        },
        StoppingCondition: { MaxRuntimeInSeconds: 60, MaxPendingTimeInSeconds: 60 },
        RetryStrategy: { MaximumRetryAttempts: 31 },
      }),
    );
    expect(v).toEqual([
      'resourceConfig.keepAlivePeriodInSeconds: Member must have value less than or equal to 3600',
      'stoppingCondition.maxPendingTimeInSeconds: Member must have value greater than or equal to 7200',
      'retryStrategy.maximumRetryAttempts: Member must have value less than or equal to 30',
    ]);
    expect(texts('CreateTrainingJob', training({ RetryStrategy: {} }))).toEqual([
      'retryStrategy.maximumRetryAttempts: Member must not be null',
    ]);
  });

  it('refuses empty VPC subnets and reports scalar list items at the list', () => {
    expect(
      texts('CreateTrainingJob', training({ VpcConfig: { SecurityGroupIds: ['sg_1!'], Subnets: [] } })),
    ).toEqual([
      'vpcConfig.securityGroupIds: Member must satisfy constraint: [Member must satisfy regular expression pattern: ^[-0-9a-zA-Z]+$]',
      'vpcConfig.subnets: Member must have length greater than or equal to 1',
    ]);
  });

  it('validates members the local stack does not act on (debugger, profiler, experiment)', () => {
    const v = texts(
      'CreateTrainingJob',
      training({
        DebugHookConfig: { S3OutputPath: 'nope' },
        ProfilerConfig: { ProfilingIntervalInMilliseconds: 'soon' },
        ExperimentConfig: { ExperimentName: '-x-' },
      }),
    );
    expect(v).toEqual([
      'debugHookConfig.s3OutputPath: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$',
      'experimentConfig.experimentName: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$',
      'profilerConfig.profilingIntervalInMilliseconds: Member must be an integer',
    ]);
  });

  it('words map key and value problems as the service does, and paths into lists of structures', () => {
    const v = checkRequest(
      'CreateTrainingJob',
      training({
        Environment: { '1BAD': 'x'.repeat(513) },
        Tags: [{ Key: 'ok', Value: 'v' }, { Key: '' }],
      }),
    );
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      'tags.2.member.key: Member must have length greater than or equal to 1',
      'tags.2.member.value: Member must not be null',
      'environment: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^[a-zA-Z_][a-zA-Z0-9_]*$]',
      'environment: Map value must satisfy constraint: [Member must have length less than or equal to 512]',
    ]);
    expect(validationMessage([v[2]])).toContain(`Value '{1BAD=${'x'.repeat(513)}}' at 'environment'`);
    expect(v.slice(2).map((x) => x.entries)).toEqual([['1BAD'], ['1BAD']]);
    expect(violationText(v[3], 10)).toBe(
      "Value '{1BAD=xxx…' at 'environment' failed to satisfy constraint: Map value must satisfy constraint: " +
        '[Member must have length less than or equal to 512]',
    );
  });

  it('treats open-ended model patterns as a search (ARN prefixes) and translates Java \\p{Alnum}', () => {
    const auth = (arn: string) =>
      training({
        AlgorithmSpecification: {
          TrainingImage: 'img',
          TrainingInputMode: 'File',
          TrainingImageConfig: {
            TrainingRepositoryAccessMode: 'Vpc',
            TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: arn },
          },
        },
      });
    expect(texts('CreateTrainingJob', auth('arn:aws:lambda:eu-west-1:123456789012:function:creds'))).toEqual(
      [],
    );
    expect(texts('CreateTrainingJob', auth('arn:aws:s3:::creds'))).toHaveLength(1);
  });

  it('lets a caller accept documented extra values per shape', () => {
    const req = training({ OutputDataConfig: { S3OutputPath: 'file:///tmp/out' } });
    expect(checkRequest('CreateTrainingJob', req)).toHaveLength(1);
    expect(
      checkRequest('CreateTrainingJob', req, { accept: { S3Uri: (v) => String(v).startsWith('file://') } }),
    ).toEqual([]);
  });

  it('checks Describe/Stop/List and tuning inputs too', () => {
    expect(texts('DescribeTrainingJob', { TrainingJobName: 'a_b' })).toHaveLength(1);
    expect(checkRequest('ListProcessingJobs', { MaxResults: 0, SortBy: 'Size' }).map((v) => v.path)).toEqual([
      'sortBy',
      'maxResults',
    ]);
    expect(checkRequest('StopHyperParameterTuningJob', {}).map((v) => v.path)).toEqual([
      'hyperParameterTuningJobName',
    ]);
  });
});

describe('checkServiceRules (rules the model cannot state)', () => {
  it('requires unique channel names, one data source each, and at most 28 days', () => {
    const ch = (name: string) => ({
      ChannelName: name,
      DataSource: { S3DataSource: { S3Uri: 's3://b/k', S3DataType: 'S3Prefix' } },
    });
    const v = validateRequest(
      'CreateTrainingJob',
      training({
        InputDataConfig: [ch('train'), ch('train'), { ChannelName: 'x', DataSource: {} }],
        StoppingCondition: { MaxRuntimeInSeconds: 2_419_201 },
      }),
    ).map((x) => `${x.path}: ${x.constraint}`);
    expect(v).toEqual([
      'stoppingCondition.maxRuntimeInSeconds: Member must have value less than or equal to 2419200',
      'inputDataConfig.3.member.dataSource: Member must set exactly one of S3DataSource, FileSystemDataSource',
      'inputDataConfig.2.member.channelName: Member must be unique within inputDataConfig',
    ]);
  });

  it('managed spot: MaxWaitTimeInSeconds required with spot, only with spot, and >= MaxRuntimeInSeconds', () => {
    const v = (over: Record<string, unknown>) =>
      validateRequest('CreateTrainingJob', training(over)).map((x) => `${x.path}: ${x.constraint}`);
    const wait = (s: number) => ({
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: s },
    });
    expect(v({ EnableManagedSpotTraining: true, ...wait(3600) })).toEqual([]);
    expect(v({ EnableManagedSpotTraining: true })).toEqual([
      'stoppingCondition.maxWaitTimeInSeconds: Member must not be null when enableManagedSpotTraining is true',
    ]);
    expect(v(wait(7200))).toEqual([
      'stoppingCondition.maxWaitTimeInSeconds: Member may be set only when enableManagedSpotTraining is true',
    ]);
    expect(v({ EnableManagedSpotTraining: true, ...wait(1800) })).toEqual([
      'stoppingCondition.maxWaitTimeInSeconds: Member must have value greater than or equal to stoppingCondition.maxRuntimeInSeconds',
    ]);
  });

  it('sends channels only to instance groups the job has, and keeps group names unique', () => {
    const group = (name: string) => ({
      InstanceGroupName: name,
      InstanceType: 'ml.m5.large',
      InstanceCount: 1,
    });
    const v = validateRequest(
      'CreateTrainingJob',
      training({
        ResourceConfig: { VolumeSizeInGB: 1, InstanceGroups: [group('a'), group('a')] },
        InputDataConfig: [
          {
            ChannelName: 'train',
            DataSource: {
              S3DataSource: { S3Uri: 's3://b/k', S3DataType: 'S3Prefix', InstanceGroupNames: ['b'] },
            },
          },
        ],
      }),
    );
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      'resourceConfig.instanceGroups.2.member.instanceGroupName: Member must be unique within resourceConfig.instanceGroups',
      'inputDataConfig.1.member.dataSource.s3DataSource.instanceGroupNames: Member must name instance groups of resourceConfig.instanceGroups',
    ]);
  });

  it('requires at least one instance in a heterogeneous cluster', () => {
    const res = {
      VolumeSizeInGB: 1,
      InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 0 }],
    };
    expect(
      validateRequest('CreateTrainingJob', training({ ResourceConfig: res })).map((x) => x.constraint),
    ).toEqual(['Member must have at least one group with InstanceCount >= 1']);
  });

  it('requires an instance type and count >= 1 for a homogeneous cluster', () => {
    const v = validateRequest(
      'CreateTrainingJob',
      training({ ResourceConfig: { InstanceCount: 0, VolumeSizeInGB: 1 } }),
    );
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      'resourceConfig.instanceType: Member must not be null',
      'resourceConfig.instanceCount: Member must have value greater than or equal to 1',
    ]);
  });

  it('keeps processing LocalPaths under /opt/ml/processing/ and names unique', () => {
    const input = (name: string, local?: string) => ({
      InputName: name,
      S3Input: { S3Uri: 's3://b/in', LocalPath: local, S3DataType: 'S3Prefix' },
    });
    const v = validateRequest('CreateProcessingJob', {
      ProcessingJobName: 'p',
      RoleArn: ROLE,
      AppSpecification: { ImageUri: 'img' },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.t3.medium', VolumeSizeInGB: 1 },
      },
      ProcessingInputs: [input('a', '/data'), input('a')],
    });
    expect(v.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      'processingInputs.1.member.s3Input.localPath: Member must begin with /opt/ml/processing/',
      'processingInputs.2.member.s3Input.localPath: Member must not be null',
      'processingInputs.2.member.inputName: Member must be unique within processingInputs',
    ]);
  });

  it('keeps channels and processing paths inside /opt/ml: no . or .. channel, no .. segment in a LocalPath', () => {
    const channel = (name: string) => ({
      ChannelName: name,
      DataSource: { S3DataSource: { S3Uri: 's3://b/k', S3DataType: 'S3Prefix' } },
    });
    const training_ = validateRequest(
      'CreateTrainingJob',
      training({ InputDataConfig: [channel('..'), channel('.')] }),
    );
    expect(training_.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      "inputDataConfig.1.member.channelName: Member must not be '.' or '..' (it would resolve outside /opt/ml/input/data)",
      "inputDataConfig.2.member.channelName: Member must not be '.' or '..' (it would resolve outside /opt/ml/input/data)",
    ]);
    const processing = validateRequest('CreateProcessingJob', {
      ProcessingJobName: 'p',
      RoleArn: ROLE,
      AppSpecification: { ImageUri: 'img' },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.t3.medium', VolumeSizeInGB: 1 },
      },
      ProcessingInputs: [
        {
          InputName: 'a',
          S3Input: {
            S3Uri: 's3://b/in',
            LocalPath: '/opt/ml/processing/../../../etc',
            S3DataType: 'S3Prefix',
          },
        },
      ],
    });
    expect(processing.map((x) => `${x.path}: ${x.constraint}`)).toEqual([
      "processingInputs.1.member.s3Input.localPath: Member must not have '.' or '..' segments (it would resolve outside /opt/ml)",
    ]);
  });
});
