import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import {
  createLogsClient,
  createSageMakerClient,
  prepareTrainingJob,
  startTrainingJob,
  waitForJob,
} from '../src';
import { trainingSpec } from './support/specs';

// aws-sdk-client-mock replaces `send`, so these tests cover OUR handling of throttling that got
// past the SDK's retries; the SDK's own retry loop is proven over HTTP in sagemaker-jobs.spec.ts.
const throttling = () =>
  new SageMakerServiceException({
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Rate exceeded',
  });

describe('throttling (aws-sdk-client-mock)', () => {
  const cfg = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };

  test('clients carry the configured retry mode and attempts', async () => {
    const sm = createSageMakerClient({ ...cfg, retryMode: 'adaptive', maxAttempts: 7 });
    expect(((await sm.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive');
    expect(await sm.config.maxAttempts()).toBe(7);
    const logs = createLogsClient(cfg);
    expect(((await logs.config.retryStrategy()) as { mode?: string }).mode).toBe('standard');
  });

  test('waiter: throttling error then success', async () => {
    const sm = createSageMakerClient(cfg);
    const mock = mockClient(sm);
    mock
      .on(DescribeTrainingJobCommand)
      .rejectsOnce(throttling())
      .resolvesOnce({ TrainingJobName: 'j', TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' })
      .rejectsOnce(throttling())
      .resolves({
        TrainingJobName: 'j',
        TrainingJobStatus: 'Completed',
        SecondaryStatus: 'Completed',
        FinalMetricDataList: [{ MetricName: 'accuracy', Value: 0.97 }],
        ModelArtifacts: { S3ModelArtifacts: 's3://b/out/j/output/model.tar.gz' },
      });
    const statuses: string[] = [];
    const out = await waitForJob(sm, 'training', 'j', {
      pollIntervalMs: 5,
      onProgress: (e) => statuses.push(e.status),
    });
    expect(statuses).toEqual(['InProgress', 'Completed']);
    expect(out.metrics).toEqual({ accuracy: 0.97 });
    expect(out.artifacts.modelArtifacts).toBe('s3://b/out/j/output/model.tar.gz');
    expect(mock.commandCalls(DescribeTrainingJobCommand)).toHaveLength(4);
    mock.restore();
  });

  test('non-throttling errors are not swallowed', async () => {
    const sm = createSageMakerClient(cfg);
    const mock = mockClient(sm);
    mock.on(DescribeTrainingJobCommand).rejects(
      new SageMakerServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: {},
        message: 'no',
      }),
    );
    await expect(waitForJob(sm, 'training', 'j', { pollIntervalMs: 5 })).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(mock.commandCalls(DescribeTrainingJobCommand)).toHaveLength(1);
    mock.restore();
  });

  test('start: a throttled create surfaces (nothing is retried blindly outside the SDK)', async () => {
    const sm = new SageMakerClient(cfg);
    const mock = mockClient(sm);
    mock.on(CreateTrainingJobCommand).rejects(throttling());
    await expect(startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'x-1'))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    expect(mock.commandCalls(CreateTrainingJobCommand)).toHaveLength(1);
    mock.restore();
  });
});
