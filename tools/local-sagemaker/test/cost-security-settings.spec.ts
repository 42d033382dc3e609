import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  BUCKET,
  Harness,
  ROLE,
  startHarness,
  trainingRequest,
  waitForProcessing,
  waitForTraining,
} from './support/harness';

// The cost and security settings the batches send from config (configs `jobs:` and `useSpotTraining`):
// accepted, validated and run locally as PARITY.md says — spot runs on demand, no VPC, no KMS.
let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = h.out;
});
afterAll(() => h.close());

const KMS = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const VPC = { SecurityGroupIds: ['sg-0abc1234'], Subnets: ['subnet-0abc1234', 'subnet-0def5678'] };
const TAGS = [
  { Key: 'cost-center', Value: 'ml-platform' },
  { Key: 'mlops:model', Value: 'iris' },
];

describe('cost and security settings', () => {
  it('a spot training job with checkpoints, VPC, KMS keys, isolation and tags completes, and Describe echoes them', async () => {
    const base = trainingRequest('spot-secure', out, { mode: 'ok' });
    await h.sm.send(
      new CreateTrainingJobCommand({
        ...base,
        EnableManagedSpotTraining: true,
        StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 120 },
        CheckpointConfig: {
          S3Uri: `s3://${BUCKET}/spot-secure/checkpoints/`,
          LocalPath: '/opt/ml/checkpoints',
        },
        VpcConfig: VPC,
        EnableNetworkIsolation: true,
        ResourceConfig: { ...base.ResourceConfig, VolumeKmsKeyId: 'alias/mlops-volume' },
        OutputDataConfig: { ...base.OutputDataConfig, KmsKeyId: KMS },
        Tags: TAGS,
      }),
    );
    const done = await waitForTraining(h.sm, 'spot-secure');
    expect(done.TrainingJobStatus).toBe('Completed');
    const d = await h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'spot-secure' }));
    expect(d).toMatchObject({
      EnableManagedSpotTraining: true,
      EnableNetworkIsolation: true,
      VpcConfig: VPC,
      StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 120 },
      ResourceConfig: { VolumeKmsKeyId: 'alias/mlops-volume' },
      OutputDataConfig: { KmsKeyId: KMS },
    });
  });

  it('refuses a spot job whose wait time is shorter than its runtime, as SageMaker does', async () => {
    const base = trainingRequest('spot-short-wait', out, { mode: 'ok' });
    await expect(
      h.sm.send(
        new CreateTrainingJobCommand({
          ...base,
          EnableManagedSpotTraining: true,
          StoppingCondition: { MaxRuntimeInSeconds: 60, MaxWaitTimeInSeconds: 30 },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value '30' at 'stoppingCondition.maxWaitTimeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to stoppingCondition.maxRuntimeInSeconds",
      ),
    });
  });

  it('a processing job with VPC, isolation, KMS keys and tags completes', async () => {
    await h.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'processing-secure',
        RoleArn: ROLE,
        AppSpecification: { ImageUri: 'fixture-job:latest' },
        ProcessingResources: {
          ClusterConfig: {
            InstanceCount: 1,
            InstanceType: 'ml.m5.large',
            VolumeSizeInGB: 1,
            VolumeKmsKeyId: 'alias/mlops-volume',
          },
        },
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: 'out',
              S3Output: {
                S3Uri: `s3://${BUCKET}/processing-secure/out`,
                LocalPath: '/opt/ml/processing/output/out',
                S3UploadMode: 'EndOfJob',
              },
            },
          ],
          KmsKeyId: KMS,
        },
        NetworkConfig: { EnableNetworkIsolation: true, VpcConfig: VPC },
        StoppingCondition: { MaxRuntimeInSeconds: 60 },
        Tags: TAGS,
      }),
    );
    expect((await waitForProcessing(h.sm, 'processing-secure')).ProcessingJobStatus).toBe('Completed');
  });
});
