import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ResourceInUse,
} from '@aws-sdk/client-sagemaker';
import type { CreateTrainingJobCommandInput } from '@aws-sdk/client-sagemaker';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Harness, ROLE, startHarness, trainingRequest, waitForTraining } from './support/harness';

// The local SageMaker against the rules of the official model (@mlops/contract), through the stock client.
let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = pathToFileURL(join(h.tmp, 'out')).href;
});
afterAll(() => h.close());

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
