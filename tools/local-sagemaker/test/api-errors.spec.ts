import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ResourceInUse,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { Harness, ROLE, signedPost, startHarness, trainingRequest, waitForTraining } from './support/harness';

let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = h.out;
});
afterAll(() => h.close());

describe('AWS-shaped errors through the stock SageMaker client', () => {
  it('rejects a duplicate job name with ResourceInUse', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('dup-job', out, { mode: 'ok' })));
    const err = await h.sm
      .send(new CreateTrainingJobCommand(trainingRequest('dup-job', out)))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInUse);
    expect((err as Error).message).toContain('training-job/dup-job');
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    await waitForTraining(h.sm, 'dup-job');
  });

  it('answers ValidationException naming each bad field and value, and creates nothing', async () => {
    const req = trainingRequest('bad_name!', out);
    req.ResourceConfig.InstanceCount = 0;
    const err = await h.sm.send(new CreateTrainingJobCommand(req)).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe(
      "2 validation errors detected: Value 'bad_name!' at 'trainingJobName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$; ' +
        "Value '0' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const list = await h.sm.send(new ListTrainingJobsCommand({ NameContains: 'bad' }));
    expect(list.TrainingJobSummaries).toEqual([]);
  });

  it('requires the fields a custom-container job needs', async () => {
    const err = await h.sm
      .send(
        new CreateTrainingJobCommand({
          TrainingJobName: 'x',
          RoleArn: ROLE,
          OutputDataConfig: { S3OutputPath: out },
        }),
      )
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toContain(
      "Value null at 'algorithmSpecification' failed to satisfy constraint: Member must not be null",
    );
    expect((err as Error).message).toContain("at 'resourceConfig'");
    expect((err as Error).message).toContain("at 'stoppingCondition'");
  });

  it('rejects an invalid MetricDefinitions regex, a long hyperparameter and a bad role', async () => {
    const req = trainingRequest('bad-metrics', out, { big: 'v'.repeat(2501) });
    req.AlgorithmSpecification.MetricDefinitions = [{ Name: 'loss', Regex: 'loss=([0-9' }];
    req.RoleArn = 'not-a-role-arn-at-all';
    const err = await h.sm.send(new CreateTrainingJobCommand(req)).catch((e: unknown) => e);
    const message = (err as Error).message;
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain("at 'roleArn'");
    expect(message).toContain(
      "at 'hyperParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 2500]",
    );
    expect(message).toContain(
      "Value 'loss=([0-9' at 'algorithmSpecification.metricDefinitions.1.member.regex' failed to satisfy constraint: Member must be a valid regular expression",
    );
  });

  it('rejects what the emulator cannot run (Pipe mode) with a ValidationException naming the member', async () => {
    const req = trainingRequest('pipe-job', out);
    (req.AlgorithmSpecification as { TrainingInputMode: string }).TrainingInputMode = 'Pipe';
    await expect(h.sm.send(new CreateTrainingJobCommand(req))).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'Pipe' at 'algorithmSpecification.trainingInputMode' failed to satisfy " +
        'constraint: local-sagemaker has no Pipe mode; use File or FastFile',
    });
  });

  it('rejects processing LocalPaths outside /opt/ml/processing/', async () => {
    const err = await h.sm
      .send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'bad-path',
          RoleArn: ROLE,
          AppSpecification: { ImageUri: 'fixture-job' },
          ProcessingResources: {
            ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
          },
          ProcessingInputs: [
            {
              InputName: 'in',
              S3Input: { S3Uri: 's3://test-bucket/x', LocalPath: '/tmp/in', S3DataType: 'S3Prefix' },
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe(
      "1 validation error detected: Value '/tmp/in' at 'processingInputs.1.member.s3Input.localPath' " +
        'failed to satisfy constraint: Member must begin with /opt/ml/processing/',
    );
  });

  // SageMaker answers ValidationException here, not the ResourceNotFound its model lists, so the pipeline's
  // "not found" path is the one AWS takes.
  it.each(['nope', 'bad_name!', 'x'.repeat(64)])(
    'answers ValidationException "Requested resource not found." for the unknown or malformed name %j',
    async (name) => {
      const notFound = { name: 'ValidationException', message: 'Requested resource not found.' };
      await expect(
        h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name })),
      ).rejects.toMatchObject(notFound);
      await expect(h.sm.send(new StopTrainingJobCommand({ TrainingJobName: name }))).rejects.toMatchObject(
        notFound,
      );
      await expect(
        h.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
      ).rejects.toMatchObject(notFound);
      await expect(
        h.sm.send(new StopProcessingJobCommand({ ProcessingJobName: name })),
      ).rejects.toMatchObject(notFound);
    },
  );

  it('answers a missing name in Describe with the null validation error', async () => {
    await expect(
      h.sm.send(new DescribeTrainingJobCommand({} as { TrainingJobName: string })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'trainingJobName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers unknown operations and non-JSON bodies with AWS error shapes', async () => {
    // Signed, so that what is tested is the operation and the body, not the auth.
    const post = (target: string, body: string) => signedPost(h.emulator, target, body);
    const unknown = await post('SageMaker.CreateEndpoint', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      __type: 'UnknownOperationException',
      message: "Unknown operation: X-Amz-Target 'SageMaker.CreateEndpoint'",
    });
    const bad = await post('SageMaker.ListTrainingJobs', '{not json');
    expect(await bad.json()).toEqual({
      __type: 'SerializationException',
      message: 'Request body is not valid JSON',
    });
  });
});

// The local SageMaker against the rules of the official model (@mlops/contract), through the stock client.

/** The ValidationException message for a CreateTrainingJob with `change` applied; asserts nothing was created. */
async function refusal(name: string, change: (req: CreateTrainingJobCommandInput) => void): Promise<string> {
  const req: CreateTrainingJobCommandInput = trainingRequest(name, out);
  change(req);
  const err = await h.sm.send(new CreateTrainingJobCommand(req)).catch((e: unknown) => e);
  expect((err as Error).name).toBe('ValidationException');
  const list = await h.sm.send(new ListTrainingJobsCommand({ NameContains: name }));
  expect(list.TrainingJobSummaries).toEqual([]);
  return (err as Error).message;
}

describe('CreateTrainingJob validated against the official model', () => {
  it('refuses an instance type outside the model enum (ml.fake.huge)', async () => {
    const message = await refusal('fake-type', (r) => {
      r.ResourceConfig!.InstanceType = 'ml.fake.huge' as 'ml.m5.large';
    });
    expect(message).toMatch(
      /^1 validation error detected: Value 'ml\.fake\.huge' at 'resourceConfig\.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[ml\.m4\.xlarge, /,
    );
  });

  it('refuses the processing instance type ml.fake.huge too', async () => {
    const err = await h.sm
      .send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'fake-processing-type',
          RoleArn: ROLE,
          AppSpecification: { ImageUri: 'fixture-job' },
          ProcessingResources: {
            ClusterConfig: {
              InstanceCount: 1,
              InstanceType: 'ml.fake.huge' as 'ml.m5.large',
              VolumeSizeInGB: 1,
            },
          },
        }),
      )
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain(
      "Value 'ml.fake.huge' at 'processingResources.clusterConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });

  it('refuses s3:// with no bucket', async () => {
    expect(await refusal('no-bucket', (r) => (r.OutputDataConfig!.S3OutputPath = 's3://'))).toBe(
      "1 validation error detected: Value 's3://' at 'outputDataConfig.s3OutputPath' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$',
    );
  });

  it('checks the ranges of KeepAlivePeriodInSeconds, MaxPendingTimeInSeconds and RetryStrategy', async () => {
    const message = await refusal('ranges', (r) => {
      r.ResourceConfig!.KeepAlivePeriodInSeconds = 3601;
      r.StoppingCondition!.MaxPendingTimeInSeconds = 60;
      r.RetryStrategy = { MaximumRetryAttempts: 0 };
    });
    expect(message).toBe(
      '3 validation errors detected: ' +
        "Value '3601' at 'resourceConfig.keepAlivePeriodInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600; " +
        "Value '60' at 'stoppingCondition.maxPendingTimeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 7200; " +
        "Value '0' at 'retryStrategy.maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('refuses empty VPC subnets although the local stack has no VPC', async () => {
    expect(
      await refusal('empty-subnets', (r) => (r.VpcConfig = { SecurityGroupIds: ['sg-1'], Subnets: [] })),
    ).toBe(
      "1 validation error detected: Value '[]' at 'vpcConfig.subnets' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 1',
    );
  });

  it('validates debugger, profiler and experiment settings it does not act on', async () => {
    const message = await refusal('ignored-members', (r) => {
      r.DebugHookConfig = { S3OutputPath: 'not-s3' };
      r.ProfilerConfig = { ProfilingIntervalInMilliseconds: 1.5 as unknown as number };
      r.ExperimentConfig = { TrialName: 'no_underscores' };
    });
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain("Value 'not-s3' at 'debugHookConfig.s3OutputPath'");
    expect(message).toContain(
      "at 'experimentConfig.trialName' failed to satisfy constraint: Member must satisfy regular expression pattern",
    );
    expect(message).toContain("at 'profilerConfig.profilingIntervalInMilliseconds'");
  });

  it('refuses what it cannot honour, naming the member', async () => {
    const message = await refusal('cannot-honour', (r) => {
      r.TensorBoardOutputConfig = { S3OutputPath: 's3://bucket/tb' };
      r.OutputDataConfig!.CompressionType = 'NONE';
      r.InputDataConfig = [
        {
          ChannelName: 'lustre',
          DataSource: {
            FileSystemDataSource: {
              FileSystemId: 'fs-89abcdef',
              FileSystemType: 'FSxLustre',
              FileSystemAccessMode: 'rw',
              DirectoryPath: '/fsx',
            },
          },
        },
      ];
    });
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain(
      "at 'inputDataConfig.1.member.dataSource.fileSystemDataSource' failed to satisfy constraint: local-sagemaker cannot mount EFS or FSx",
    );
    expect(message).toContain(
      "Value 'NONE' at 'outputDataConfig.compressionType' failed to satisfy constraint: local-sagemaker",
    );
    expect(message).toContain("at 'tensorBoardOutputConfig' failed to satisfy constraint: local-sagemaker");
  });

  it('accepts and ignores the members whose absence changes no result (retry, warm pool, VPC, experiment)', async () => {
    const req: CreateTrainingJobCommandInput = trainingRequest('harmless-members', out, { mode: 'ok' });
    req.RetryStrategy = { MaximumRetryAttempts: 2 };
    req.ResourceConfig!.KeepAlivePeriodInSeconds = 600;
    req.VpcConfig = { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] };
    req.ExperimentConfig = { ExperimentName: 'iris' };
    await h.sm.send(new CreateTrainingJobCommand(req));
    expect((await waitForTraining(h.sm, 'harmless-members')).TrainingJobStatus).toBe('Completed');
  });
});

describe('job names as SageMaker treats them', () => {
  it('keeps names unique case-insensitively, finds a job in any case and lower-cases the ARN', async () => {
    const created = await h.sm.send(
      new CreateTrainingJobCommand(trainingRequest('Case-Job', out, { mode: 'ok' })),
    );
    expect(created.TrainingJobArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:training-job/case-job');
    const err = await h.sm
      .send(new CreateTrainingJobCommand(trainingRequest('case-JOB', out)))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInUse);
    expect((err as Error).message).toContain('training-job/case-job');
    const d = await h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'CASE-job' }));
    expect(d.TrainingJobName).toBe('Case-Job');
    await waitForTraining(h.sm, 'Case-Job');
    const list = await h.sm.send(new ListTrainingJobsCommand({ NameContains: 'case-job' }));
    expect(list.TrainingJobSummaries?.map((j) => j.TrainingJobName)).toEqual(['Case-Job']);
  });
});
