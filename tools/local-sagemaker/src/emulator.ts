import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AwsEndpointConfig } from '@mlops/aws';
import type { ApiDeps } from './api/deps';
import { createJob, stopJob } from './api/job-common';
import { logsHandlers } from './api/logs-api';
import { processingHandlers } from './api/processing-api';
import { trainingHandlers } from './api/training-api';
import { tuningHandlers } from './api/tuning-api';
import { DataTransfer } from './data/transfer';
import { JobContext } from './jobs/context';
import { RunControl } from './jobs/job-control';
import { runProcessingJob } from './jobs/processing-job';
import { runTrainingJob } from './jobs/training-job';
import { TuningRunner } from './jobs/tuning-job';
import { LogStore } from './logs/log-store';
import { DockerRuntime } from './runtime/docker-runtime';
import type { ImageMap } from './runtime/image-map';
import { RuntimeChoice, selectRuntime } from './runtime/select-runtime';
import { EmbeddedS3, startEmbeddedS3 } from './s3/embedded-s3';
import { CREDENTIALS_FILE, loadOrCreateCredentials, StackCredentials } from './auth/credentials';
import { validationError } from './server/errors';
import { startApiServer } from './server/http-server';
import { trainingCluster } from './jobs/cluster';
import type { CreateProcessingJobRequest, CreateTrainingJobRequest } from './jobs/requests';
import { JobStore } from './state/job-store';
import { acquireStateLock } from './state/state-lock';
import type { Runtime } from './runtime/types';
import { TuningStore } from './tuning/tuning-store';
import type { JobKind, JobRecord } from './state/types';
import { TERMINAL } from './state/types';

export interface LocalS3Options {
  /** Start an s3rver on loopback (data in `<stateDir>/s3` unless `directory` is given). */
  embedded?: boolean;
  port?: number;
  directory?: string;
  /** Buckets to create in the embedded S3. */
  buckets?: string[];
  /** An existing S3-compatible endpoint (ignored when `embedded`); omit both for AWS S3. */
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface LocalSageMakerOptions {
  /** Job records, logs, work folders and the embedded S3's data live here. */
  stateDir: string;
  /** API port on 127.0.0.1; 0 (default) = any free port. */
  port?: number;
  runtime?: RuntimeChoice;
  region?: string;
  s3?: LocalS3Options;
  /** Seconds between the stop signal and SIGKILL (Stop*, MaxRuntimeInSeconds). Default 120, as SageMaker. */
  stopGraceSeconds?: number;
  /** Process runtime: image → command (see README "Process runtime"). */
  imageMap?: ImageMap;
  /** Process runtime: root of `apps/<image>/dist`. Default: the current directory. */
  appsRoot?: string;
  /** Keep per-job work folders for debugging. */
  keepWorkDirs?: boolean;
  /**
   * Process runtime: run a multi-host job as independent local processes whose host names do not resolve
   * (for jobs whose hosts never talk to each other). Default false: such a job is refused at Create with a
   * ValidationException pointing to the docker runtime, rather than hanging while its hosts look for each other.
   */
  multiHostProcesses?: boolean;
}

export interface LocalSageMaker {
  /** SageMaker + CloudWatch Logs endpoint for the AWS SDK's `endpoint` option. */
  endpoint: string;
  port: number;
  s3Endpoint?: string;
  /** Credentials of the embedded S3 (the stack's own pair), when it runs. */
  s3Credentials?: { accessKeyId: string; secretAccessKey: string };
  /** The key pair every endpoint of this stack requires (SigV4), generated for its user. */
  credentials: StackCredentials;
  /** Where it is kept (mode 0600, profile `mlops-local`), for the AWS CLI and boto3. */
  credentialsFile: string;
  region: string;
  runtime: 'docker' | 'process';
  /** Stops running jobs (short grace), the API server and the embedded S3. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 5_000;

/** Starts the local SageMaker stack: API server, job runner, optional embedded S3. */
export async function startLocalSageMaker(options: LocalSageMakerOptions): Promise<LocalSageMaker> {
  if (!options || typeof options.stateDir !== 'string' || options.stateDir === '')
    throw new Error('startLocalSageMaker: stateDir is required');
  const stateDir = resolve(options.stateDir);
  const region = options.region ?? 'us-east-1';
  const grace = options.stopGraceSeconds ?? 120;
  if (!(grace >= 0)) throw new Error(`startLocalSageMaker: stopGraceSeconds must be >= 0, got ${grace}`);
  mkdirSync(stateDir, { recursive: true });
  const runnerId = randomUUID();
  const credentials = loadOrCreateCredentials(stateDir);
  const releaseLock = acquireStateLock(stateDir, { runnerId });
  const cleanups: (() => Promise<void> | void)[] = [releaseLock];
  try {
    const runtime = await selectRuntime(options.runtime ?? 'auto', {
      imageMap: options.imageMap,
      appsRoot: options.appsRoot,
    });
    const store = new JobStore(stateDir);
    const logs = new LogStore(stateDir);
    const workDir = join(stateDir, 'work');

    let s3: EmbeddedS3 | undefined;
    if (options.s3?.embedded) {
      const embedded = await startEmbeddedS3({
        directory: options.s3.directory ?? join(stateDir, 's3'),
        credentials,
        port: options.s3.port,
        buckets: options.s3.buckets,
      });
      s3 = embedded;
      cleanups.push(() => embedded.close());
    }
    const s3Config: AwsEndpointConfig = s3
      ? { region, endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.credentials }
      : {
          region: options.s3?.region ?? region,
          endpoint: options.s3?.endpoint,
          forcePathStyle: options.s3?.forcePathStyle ?? options.s3?.endpoint !== undefined,
          credentials: options.s3?.credentials,
        };
    const transfer = new DataTransfer(s3Config);
    cleanups.push(() => transfer.close());

    const s3Endpoint = s3?.endpoint ?? options.s3?.endpoint;
    const ctx: JobContext = {
      store,
      logs,
      runtime,
      transfer,
      workDir,
      stopGraceMs: grace * 1000,
      region,
      jobEnv: {
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        ...(s3Endpoint ? { AWS_ENDPOINT_URL_S3: s3Endpoint } : {}),
      },
      keepWorkDirs: options.keepWorkDirs ?? false,
    };
    const active = new Map<string, { control: RunControl; done: Promise<void> }>();
    const deps: ApiDeps = {
      store,
      region,
      runnerId,
      runtimeName: runtime.name,
      admit(job: JobRecord) {
        const hosts = hostCount(job);
        if (runtime.name === 'process' && hosts > 1 && options.multiHostProcesses !== true)
          throw validationError(
            `InstanceCount ${hosts}: the process runtime runs every host as a local process, where the host ` +
              `names algo-1..algo-${hosts} do not resolve; run multi-host jobs on the docker runtime ` +
              `(--runtime docker), or use InstanceCount 1`,
          );
      },
      launch(job: JobRecord, adopt = false) {
        const control = new RunControl(ctx.stopGraceMs);
        if (job.status === 'Stopping') control.stop('Stopped');
        const run = job.kind === 'training' ? runTrainingJob : runProcessingJob;
        // After the Create response: laying out /opt/ml and staging data must not delay "Create returns at once".
        const done = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => run(ctx, job, control, adopt))
          .catch((err: unknown) => console.error(`local-sagemaker: job ${job.name} crashed:`, err))
          .finally(() => active.delete(`${job.kind}/${job.name}`));
        active.set(`${job.kind}/${job.name}`, { control, done });
      },
      stop(kind: JobKind, name: string) {
        active.get(`${kind}/${name}`)?.control.stop('Stopped');
      },
    };
    await recoverJobs({ store, runtime, runnerId, workDir, launch: (job) => deps.launch(job, true) });
    const tuningStore = new TuningStore(stateDir);
    // After recoverJobs: a re-adopted trial of a tuning job that can no longer go on is stopped.
    for (const orphan of tuningStore.failOrphans(runnerId))
      for (const trial of orphan.trials) {
        const job = store.get('training', trial.name);
        if (job && !TERMINAL.includes(job.status))
          stopJob(deps, 'training', 'StopTrainingJob', { TrainingJobName: trial.name });
      }
    const tuning = new TuningRunner({
      tuning: tuningStore,
      training: store,
      startTraining: (req) => createJob(deps, 'training', req.TrainingJobName, req.RoleArn, req),
      stopTraining: (name) => stopJob(deps, 'training', 'StopTrainingJob', { TrainingJobName: name }),
    });
    const api = await startApiServer(
      {
        ...trainingHandlers(deps),
        ...processingHandlers(deps),
        ...tuningHandlers(deps, tuningStore, store, tuning),
        ...logsHandlers(logs, region),
      },
      credentials,
      options.port ?? 0,
    );
    cleanups.push(() => api.close());

    let closed: Promise<void> | undefined;
    return {
      endpoint: api.endpoint,
      port: api.port,
      s3Endpoint,
      s3Credentials: s3?.credentials,
      credentials,
      credentialsFile: join(stateDir, CREDENTIALS_FILE),
      region,
      runtime: runtime.name,
      close: () =>
        (closed ??= (async () => {
          ctx.stopGraceMs = Math.min(ctx.stopGraceMs, CLOSE_GRACE_MS);
          const tuningClosed = tuning.close(); // stops launching trials before the trials are stopped
          for (const [key, { control }] of active) {
            const [kind, name] = key.split('/') as [JobKind, string];
            const job = store.get(kind, name);
            if (job && job.status === 'InProgress')
              store.update(job, { status: 'Stopping', secondaryStatus: 'Stopping' });
            control.stop('Stopped');
          }
          await Promise.all([...active.values()].map((a) => a.done));
          await tuningClosed;
          store.flushPending();
          logs.flush();
          await runCleanups(cleanups);
        })()),
    };
  } catch (err) {
    await runCleanups(cleanups);
    throw err;
  }
}

function hostCount(job: JobRecord): number {
  return job.kind === 'training'
    ? trainingCluster((job.request as CreateTrainingJobRequest).ResourceConfig).length
    : (job.request as CreateProcessingJobRequest).ProcessingResources.ClusterConfig.InstanceCount;
}

async function runCleanups(cleanups: (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup();
}

/**
 * Jobs left InProgress by a dead emulator: a job whose processes can still be followed (process runtime,
 * running or finished with a recorded exit status) is re-adopted and completed; any other is failed with
 * the reason, and whatever is left of it is ended (processes proven the job's, containers by label).
 */
async function recoverJobs(input: {
  store: JobStore;
  runtime: Runtime;
  runnerId: string;
  workDir: string;
  launch(job: JobRecord): void;
}): Promise<void> {
  const { store, runtime, runnerId, workDir } = input;
  const keep = new Set<string>();
  for (const job of store.orphans(runnerId)) {
    const adoptable =
      job.run !== undefined &&
      job.run.hosts.length > 0 &&
      job.workDir !== undefined &&
      existsSync(job.workDir) &&
      job.runtime === runtime.name;
    if (adoptable) {
      keep.add(job.workDir!);
      store.update(job, { runnerId });
      input.launch(job);
      continue;
    }
    const leftovers = job.runtime === 'docker' ? new DockerRuntime() : runtime;
    await leftovers.removeLeftovers(job.name, job.run).catch(() => undefined);
    const now = Date.now();
    const transitions = job.transitions.map((t) => (t.EndTime === undefined ? { ...t, EndTime: now } : t));
    transitions.push({ Status: 'Failed', StartTime: now, EndTime: now, StatusMessage: 'Runner died' });
    store.update(job, {
      status: 'Failed',
      secondaryStatus: 'Failed',
      transitions,
      endTime: now,
      runnerId,
      failureReason:
        `InternalServerError: the local-sagemaker running this job stopped before the job finished (runner ` +
        `died), and the job could not be re-adopted: ${notAdoptableReason(job, runtime)}; it was ended`,
    });
  }
  // Every other work folder belongs to a dead run.
  mkdirSync(workDir, { recursive: true });
  for (const entry of readdirSync(workDir))
    if (!keep.has(join(workDir, entry))) rmSync(join(workDir, entry), { recursive: true, force: true });
}

function notAdoptableReason(job: JobRecord, runtime: Runtime): string {
  if (job.runtime !== runtime.name)
    return `it ran on the ${job.runtime} runtime, this emulator uses ${runtime.name}`;
  if (job.runtime === 'docker') return 'the docker runtime cannot recover the exit status of its containers';
  if (!job.run || job.run.hosts.length === 0) return 'its processes had not started yet';
  return 'its work folder is gone';
}
