import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeProcessingJobCommand,
  DescribeProcessingJobCommandOutput,
  DescribeTrainingJobCommand,
  DescribeTrainingJobCommandOutput,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { LocalSageMaker, LocalSageMakerOptions, startLocalSageMaker } from '../../src';
import { signRequest } from '../../src/auth/sigv4';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const ROLE = 'arn:aws:iam::123456789012:role/local-test';
export const BUCKET = 'test-bucket';

export interface Harness {
  emulator: LocalSageMaker;
  sm: SageMakerClient;
  logs: CloudWatchLogsClient;
  stateDir: string;
  tmp: string;
  /** `file://` URL of `<tmp>/out`: the S3OutputPath the tests' jobs write to. */
  out: string;
  close(): Promise<void>;
}

/** Emulator on the process runtime with an embedded S3, plus the stock SDK clients pointed at it. */
export async function startHarness(options: Partial<LocalSageMakerOptions> = {}): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-test-'));
  const stateDir = options.stateDir ?? join(tmp, 'state');
  const emulator = await startLocalSageMaker({
    runtime: 'process',
    imageMap: {
      'fixture-job': {
        trainCommand: ['node', 'job.js', 'train'],
        processCommand: ['node', 'job.js', 'process'],
        workdir: FIXTURES,
      },
    },
    s3: { embedded: true, buckets: [BUCKET] },
    stopGraceSeconds: 2,
    ...options,
    stateDir,
  });
  const clientConfig = {
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    // The stack's own pair (generated into its state dir): every endpoint checks the signature.
    credentials: emulator.credentials,
    maxAttempts: 1,
  };
  const sm = new SageMakerClient(clientConfig);
  const logs = new CloudWatchLogsClient(clientConfig);
  return {
    emulator,
    sm,
    logs,
    stateDir,
    tmp,
    out: pathToFileURL(join(tmp, 'out')).href,
    async close() {
      sm.destroy();
      logs.destroy();
      await emulator.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

const TERMINAL = ['Completed', 'Failed', 'Stopped'];

export async function waitForTraining(
  sm: SageMakerClient,
  name: string,
  timeoutMs = 60_000,
  onDescribe?: (d: DescribeTrainingJobCommandOutput) => void,
): Promise<DescribeTrainingJobCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    onDescribe?.(d);
    if (TERMINAL.includes(d.TrainingJobStatus!)) return d;
    if (Date.now() > deadline)
      throw new Error(`training job ${name} still ${d.TrainingJobStatus} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForProcessing(
  sm: SageMakerClient,
  name: string,
  timeoutMs = 60_000,
): Promise<DescribeProcessingJobCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
    if (TERMINAL.includes(d.ProcessingJobStatus!)) return d;
    if (Date.now() > deadline)
      throw new Error(`processing job ${name} still ${d.ProcessingJobStatus} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A valid CreateTrainingJob request for the fixture image; override what the test is about. */
export function trainingRequest(
  name: string,
  outputPath: string,
  hyperParameters: Record<string, string> = {},
) {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: 'fixture-job:latest',
      TrainingInputMode: 'File' as const,
      MetricDefinitions: [
        { Name: 'train:loss', Regex: 'train_loss=([0-9.]+)' },
        { Name: 'validation:accuracy', Regex: 'validation:accuracy=([0-9.]+)' },
      ],
    },
    HyperParameters: hyperParameters,
    OutputDataConfig: { S3OutputPath: outputPath },
    ResourceConfig: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1, VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: 60 },
  };
}

/** Waits until the job has logged `text` (e.g. the fixture's `sleeping`, once its signal handler is set). */
export async function waitForLog(
  logs: CloudWatchLogsClient,
  group: 'TrainingJobs' | 'ProcessingJobs',
  job: string,
  text: string,
  timeoutMs = 30_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: `/aws/sagemaker/${group}`,
        logStreamNamePrefix: `${job}/`,
        filterPattern: `"${text}"`,
      }),
    );
    if ((res.events ?? []).length > 0) return res.events!.map((e) => e.message!);
    if (Date.now() > deadline) throw new Error(`'${text}' not logged by ${job} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A raw AWS JSON 1.1 call, signed as the SDK signs it: for tests of what the API does with a body the SDK
 * would never send (no operation, broken JSON, any shape).
 */
export async function signedPost(emulator: LocalSageMaker, target: string, body: string): Promise<Response> {
  const headers = await signRequest(
    {
      method: 'POST',
      host: new URL(emulator.endpoint).host,
      path: '/',
      headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
      body,
    },
    emulator.credentials,
    'sagemaker',
  );
  return fetch(emulator.endpoint, { method: 'POST', headers, body });
}
