import { join } from 'node:path';
import {
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { launchDaemon, readDiscovery, RunningStack, stopDaemon } from '@mlops/local-sagemaker';
import type { MlopsConfig } from '@mlops/config-reader';
import { endpointPort } from './endpoints';

/** Marks the stacks this tool started, so that it stops those (and only those) when a run ends. */
export const STACK_OWNER = 'local-pipeline';

export interface LocalStack {
  sagemakerEndpoint: string;
  s3Endpoint: string;
  runtime: 'docker' | 'process';
  pid: number;
  /** True when this call found the stack already running (e.g. left by a killed or interrupted run). */
  reused: boolean;
  /** Env for the batch processes so they reach this stack (overrides the config's endpoints and ports). */
  childEnv: Record<string, string>;
  /** Names of the jobs still InProgress or Stopping on the stack. */
  activeJobs(): Promise<string[]>;
  /** Stops the daemon (it stops its jobs first) if this tool started it; a stack started by hand stays. */
  stop(): Promise<void>;
}

export interface StartStackOptions {
  config: MlopsConfig;
  runtime: 'docker' | 'process';
  /** Root holding `apps/<image>/dist` for the process runtime. */
  appsRoot: string;
  /** The built local-sagemaker CLI (`tools/local-sagemaker/dist/cli.js`) that runs as the daemon. */
  stackCli: string;
}

/**
 * Finds the local stack of `local.stateDir` or starts it as a detached daemon (SageMaker + Logs emulator
 * and embedded S3 on the ports of the config, 0 = any free port, the bucket created). Being a daemon is
 * what lets a job outlive this process: a run killed mid-job leaves the job running, and a rerun with the
 * same run id re-attaches to it here.
 */
export async function startStack({
  config,
  runtime,
  appsRoot,
  stackCli,
}: StartStackOptions): Promise<LocalStack> {
  const { endpoints, region, bucket } = config.aws;
  if (!endpoints.sagemaker || !endpoints.s3)
    throw new Error(
      `${config.file}: aws.endpoints.sagemaker and aws.endpoints.s3 are needed for the local stack`,
    );
  const stateDir = stackStateDir(config);
  const found = readDiscovery(stateDir);
  const discovery =
    found ??
    (await launchDaemon(stackCli, stateDir, [
      '--port',
      String(endpointPort(endpoints.sagemaker, 'aws.endpoints.sagemaker')),
      '--runtime',
      runtime,
      '--region',
      region,
      '--apps-root',
      appsRoot,
      '--s3',
      'embedded',
      '--s3-port',
      String(endpointPort(endpoints.s3, 'aws.endpoints.s3')),
      '--bucket',
      bucket,
      '--owner',
      STACK_OWNER,
    ]));
  const { s3Endpoint, credentials } = discovery;
  if (!s3Endpoint)
    throw new Error(`the local stack of ${stateDir} (pid ${discovery.pid}) runs without its embedded S3`);
  return {
    sagemakerEndpoint: discovery.endpoint,
    s3Endpoint,
    runtime: discovery.runtime === 'docker' ? 'docker' : 'process',
    pid: discovery.pid,
    reused: found !== undefined,
    childEnv: {
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: discovery.endpoint,
      MLOPS__AWS__ENDPOINTS__LOGS: discovery.endpoint,
      MLOPS__AWS__ENDPOINTS__S3: s3Endpoint,
      // The stack's own key pair (generated into its state dir, mode 0600): every local endpoint requires
      // it, and it keeps real AWS keys away from the local stack.
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: region,
      // The emulator answers Describe in well under a millisecond: poll it every 250 ms, not AWS's 2 s.
      MLOPS_POLL_MS: process.env.MLOPS_POLL_MS ?? '250',
    },
    activeJobs: () => activeJobs(discovery),
    stop: async () => {
      if (discovery.owner === STACK_OWNER) await stopDaemon(discovery);
    },
  };
}

async function activeJobs(discovery: RunningStack): Promise<string[]> {
  const sm = new SageMakerClient({
    endpoint: discovery.endpoint,
    region: discovery.region,
    credentials: discovery.credentials,
    maxAttempts: 1,
  });
  try {
    const names: string[] = [];
    for (const status of ['InProgress', 'Stopping'] as const) {
      const training = await sm.send(new ListTrainingJobsCommand({ StatusEquals: status, MaxResults: 100 }));
      const processing = await sm.send(
        new ListProcessingJobsCommand({ StatusEquals: status, MaxResults: 100 }),
      );
      names.push(
        ...(training.TrainingJobSummaries ?? []).map((j) => j.TrainingJobName ?? ''),
        ...(processing.ProcessingJobSummaries ?? []).map((j) => j.ProcessingJobName ?? ''),
      );
    }
    return names;
  } finally {
    sm.destroy();
  }
}

/** `<local.stateDir>/local-sagemaker`: job records, logs and the local S3's data (`s3/`). */
export function stackStateDir(config: MlopsConfig): string {
  return join(config.local.stateDir, 'local-sagemaker');
}

/** Where the built local-sagemaker CLI is in a checkout of this repo. */
export function defaultStackCli(repoRoot: string): string {
  return join(repoRoot, 'tools', 'local-sagemaker', 'dist', 'cli.js');
}
