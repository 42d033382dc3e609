import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  SageMakerJobFailedError,
  JobLogEvent,
  JobProgressEvent,
  JobWaitTimeoutError,
  SageMakerValidationError,
  createLogsClient,
  createSageMakerClient,
  describeJob,
  prepareProcessingJob,
  prepareTrainingJob,
  startProcessingJob,
  startTrainingJob,
  stopJob,
  waitForJob,
} from '../src';
import { FakeSageMaker, startFakeSageMaker } from './support/fake-sagemaker';
import { processingSpec, trainingSpec } from './support/specs';

let fake: FakeSageMaker;
let sm: SageMakerClient;
let logs: CloudWatchLogsClient;
const creates = () => fake.requests.filter((r) => r.target.startsWith('SageMaker.Create'));

beforeEach(async () => {
  fake = await startFakeSageMaker();
  sm = createSageMakerClient({ ...fake.cfg, maxAttempts: 3 });
  logs = createLogsClient(fake.cfg);
});
afterEach(async () => {
  sm.destroy();
  logs.destroy();
  await fake.close();
});

describe('start', () => {
  test('sends the validated request with a generated <base>-<timestamp> name', async () => {
    const started = await startTrainingJob(sm, prepareTrainingJob(trainingSpec()));
    expect(started.attached).toBe(false);
    expect(started.jobName).toMatch(/^iris-train-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/);
    expect(started.arn).toBe(`arn:aws:sagemaker:us-east-1:123456789012:training-job/${started.jobName}`);
    expect(creates()).toHaveLength(1);
    expect(creates()[0].body).toMatchObject({
      TrainingJobName: started.jobName,
      HyperParameters: { epochs: '10', lr: '0.01', optimizer: 'adam' },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30 },
    });
  });

  test('an invalid spec is refused by prepare, so there is nothing to send', () => {
    expect(() => prepareTrainingJob(trainingSpec({ instanceCount: 0 }))).toThrow(SageMakerValidationError);
    expect(() => prepareProcessingJob(processingSpec({ volumeSizeGb: 0 }))).toThrow(SageMakerValidationError);
    expect(() => prepareTrainingJob(trainingSpec(), 'not_valid')).toThrow(
      "Value 'not_valid' at 'trainingJobName'",
    );
    expect(fake.requests).toEqual([]);
  });

  test('sends the prepared request as it is: built and validated once, never rebuilt', async () => {
    const training = prepareTrainingJob(trainingSpec(), 'sent-as-is');
    await startTrainingJob(sm, training);
    const processing = prepareProcessingJob(processingSpec(), 'sent-as-is-too');
    await startProcessingJob(sm, processing);
    // The wire bodies are the prepared inputs, member for member (JSON drops nothing they hold).
    expect(creates().map((r) => r.body)).toEqual([
      JSON.parse(JSON.stringify(training)),
      JSON.parse(JSON.stringify(processing)),
    ]);
  });

  test('a deterministic name attaches to the existing job instead of duplicating it', async () => {
    const first = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'run-42-train'));
    const second = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'run-42-train'));
    expect(first).toMatchObject({ jobName: 'run-42-train', attached: false });
    expect(second).toMatchObject({
      jobName: 'run-42-train',
      attached: true,
      arn: first.arn,
      status: 'InProgress',
    });
    // Two Create attempts, one job: the second was answered ResourceInUse.
    expect(creates()).toHaveLength(2);
    expect((await describeJob(sm, 'training', 'run-42-train')).arn).toBe(first.arn);
  });

  test('a Create whose response was lost is retried by the SDK and then attached', async () => {
    fake.loseNextCreateResponse();
    const started = await startProcessingJob(sm, prepareProcessingJob(processingSpec(), 'eval-7'));
    expect(started).toMatchObject({ jobName: 'eval-7', attached: true });
    expect(creates()).toHaveLength(2);
  });
});

describe('SDK retry modes on throttling (real client over HTTP)', () => {
  test('standard mode retries ThrottlingException and then succeeds', async () => {
    fake.throttle(2, 'SageMaker.CreateTrainingJob');
    const started = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'throttled-1'));
    expect(started.attached).toBe(false);
    expect(creates()).toHaveLength(3);
  }, 20_000);

  test('adaptive mode retries too', async () => {
    const adaptive = createSageMakerClient({ ...fake.cfg, retryMode: 'adaptive', maxAttempts: 3 });
    fake.throttle(1, 'SageMaker.DescribeTrainingJob');
    await startTrainingJob(adaptive, prepareTrainingJob(trainingSpec(), 'throttled-2'));
    await expect(describeJob(adaptive, 'training', 'throttled-2')).resolves.toMatchObject({
      status: 'InProgress',
    });
    expect(fake.requests.filter((r) => r.target === 'SageMaker.DescribeTrainingJob')).toHaveLength(2);
    adaptive.destroy();
  }, 20_000);

  test('with maxAttempts 1 the throttling error surfaces', async () => {
    const once = createSageMakerClient({ ...fake.cfg, maxAttempts: 1 });
    fake.throttle(1);
    await expect(
      startTrainingJob(once, prepareTrainingJob(trainingSpec(), 'throttled-3')),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    once.destroy();
  });
});

describe('waitForJob', () => {
  test('reports transitions, merges host logs by time, returns metrics and artifacts', async () => {
    const { jobName } = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'wait-ok'));
    fake.logs(jobName, [
      { stream: `${jobName}/algo-1-1700000000`, timestamp: 1000, message: 'a1 start' },
      { stream: `${jobName}/algo-1-1700000000`, timestamp: 3000, message: 'a1 epoch 1' },
      { stream: `${jobName}/algo-1-1700000000`, timestamp: 5000, message: 'a1 done' },
      { stream: `${jobName}/algo-2-1700000000`, timestamp: 2000, message: 'a2 start' },
      { stream: `${jobName}/algo-2-1700000000`, timestamp: 4000, message: 'a2 epoch 1' },
      { stream: 'other-job/algo-1-1', timestamp: 1500, message: 'not ours' },
    ]);
    const progress: JobProgressEvent[] = [];
    const lines: JobLogEvent[] = [];
    const outcome = await waitForJob(sm, 'training', jobName, {
      pollIntervalMs: 20,
      logs,
      onProgress: (e) => progress.push(e),
      onLog: (e) => lines.push(e),
    });
    expect(progress.map((p) => `${p.status}/${p.secondaryStatus}`)).toEqual([
      'InProgress/Starting',
      'InProgress/Training',
      'Completed/Completed',
    ]);
    expect(progress[1].transitions).toEqual([
      expect.objectContaining({ status: 'Training', message: 'Training image download completed' }),
    ]);
    expect(progress[2].summary).toMatch(/^Completed \/ Completed - Training job completed \(\d+ s\)$/);
    expect(progress.every((p, i) => i === 0 || p.elapsedMs >= progress[i - 1].elapsedMs)).toBe(true);
    expect(lines.map((l) => `${l.host}: ${l.message}`)).toEqual([
      'algo-1: a1 start',
      'algo-2: a2 start',
      'algo-1: a1 epoch 1',
      'algo-2: a2 epoch 1',
      'algo-1: a1 done',
    ]);
    expect(outcome).toMatchObject({
      kind: 'training',
      jobName,
      status: 'Completed',
      metrics: { loss: 0.25 },
      artifacts: {
        modelArtifacts: `s3://bucket/iris/output/${jobName}/output/model.tar.gz`,
        outputPath: 's3://bucket/iris/output',
      },
    });
  });

  test('without onLog, log lines go to stdout as "[host] message"', async () => {
    const { jobName } = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'wait-stdout'));
    fake.logs(jobName, [{ stream: `${jobName}/algo-1-1`, timestamp: 1, message: 'hello from algo-1' }]);
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await waitForJob(sm, 'training', jobName, { pollIntervalMs: 10, logs });
    } finally {
      spy.mockRestore();
    }
    expect(writes).toEqual(['[algo-1] hello from algo-1\n']);
  });

  test('throttled log reads do not end the wait, and no line is lost or repeated', async () => {
    const { jobName } = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'wait-log-throttle'));
    fake.logs(jobName, [
      { stream: `${jobName}/algo-1-1`, timestamp: 1, message: 'one' },
      { stream: `${jobName}/algo-1-1`, timestamp: 2, message: 'two' },
      { stream: `${jobName}/algo-1-1`, timestamp: 3, message: 'three' },
    ]);
    const oneShotLogs = createLogsClient({ ...fake.cfg, maxAttempts: 1 });
    fake.throttle(1, 'Logs_20140328.GetLogEvents');
    const lines: string[] = [];
    await waitForJob(sm, 'training', jobName, {
      pollIntervalMs: 10,
      logs: oneShotLogs,
      onLog: (e) => lines.push(e.message),
    });
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(fake.requests.filter((r) => r.target === 'Logs_20140328.GetLogEvents').length).toBeGreaterThan(2);
    oneShotLogs.destroy();
  });

  test('a failed job becomes SageMakerJobFailedError carrying FailureReason', async () => {
    fake.script('wait-fail', [
      { status: 'InProgress', secondaryStatus: 'Training' },
      { status: 'Failed', secondaryStatus: 'Failed', failureReason: 'AlgorithmError: exit code 1' },
    ]);
    await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'wait-fail'));
    const err = await waitForJob(sm, 'training', 'wait-fail', { pollIntervalMs: 10 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SageMakerJobFailedError);
    expect(err).toMatchObject({
      jobName: 'wait-fail',
      failureReason: 'AlgorithmError: exit code 1',
      secondaryStatus: 'Failed',
    });
  });

  test('gives up after timeoutMs with the last status', async () => {
    fake.script('wait-slow', [{ status: 'InProgress', secondaryStatus: 'Training' }]);
    await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'wait-slow'));
    const err = await waitForJob(sm, 'training', 'wait-slow', { pollIntervalMs: 20, timeoutMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JobWaitTimeoutError);
    expect((err as Error).message).toContain('wait-slow');
    expect((err as JobWaitTimeoutError).lastStatus).toBe('InProgress');
  });

  test('survives throttled Describes beyond the SDK retries', async () => {
    const oneShot = createSageMakerClient({ ...fake.cfg, maxAttempts: 1 });
    await startTrainingJob(oneShot, prepareTrainingJob(trainingSpec(), 'wait-throttle'));
    fake.throttle(3, 'SageMaker.DescribeTrainingJob');
    const outcome = await waitForJob(oneShot, 'training', 'wait-throttle', { pollIntervalMs: 10 });
    expect(outcome.status).toBe('Completed');
    fake.throttle(10, 'SageMaker.DescribeTrainingJob');
    await expect(
      waitForJob(oneShot, 'training', 'wait-throttle', { pollIntervalMs: 10, maxConsecutiveErrors: 2 }),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    oneShot.destroy();
  });

  test('processing job: outputs as artifacts; stop is idempotent', async () => {
    fake.script('proc-stop', [{ status: 'InProgress' }]);
    const { jobName } = await startProcessingJob(sm, prepareProcessingJob(processingSpec(), 'proc-stop'));
    expect(await stopJob(sm, 'processing', jobName)).toEqual({
      jobName,
      stopRequested: true,
      status: 'Stopping',
    });
    const outcome = await waitForJob(sm, 'processing', jobName, { pollIntervalMs: 10 });
    expect(outcome).toMatchObject({
      status: 'Stopped',
      artifacts: { outputs: { report: 's3://bucket/iris/report' } },
    });
    expect(await stopJob(sm, 'processing', jobName)).toEqual({
      jobName,
      stopRequested: false,
      status: 'Stopped',
    });
  });

  test('resume: a second waiter on an existing job (e.g. after a crash) sees it through', async () => {
    const { jobName } = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'resume-me'));
    await describeJob(sm, 'training', jobName); // first process saw it start, then died
    const again = await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), jobName));
    expect(again.attached).toBe(true);
    await expect(waitForJob(sm, 'training', jobName, { pollIntervalMs: 10 })).resolves.toMatchObject({
      status: 'Completed',
    });
    expect(creates()).toHaveLength(2);
  });

  test('can be aborted', async () => {
    fake.script('abort-me', [{ status: 'InProgress' }]);
    await startTrainingJob(sm, prepareTrainingJob(trainingSpec(), 'abort-me'));
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('user cancelled')), 50);
    await expect(
      waitForJob(sm, 'training', 'abort-me', { pollIntervalMs: 20, signal: ac.signal }),
    ).rejects.toThrow('user cancelled');
  });

  test('rejects a bad poll interval', async () => {
    await expect(waitForJob(sm, 'training', 'x', { pollIntervalMs: 0 })).rejects.toThrow(
      'pollIntervalMs must be > 0',
    );
  });
});
