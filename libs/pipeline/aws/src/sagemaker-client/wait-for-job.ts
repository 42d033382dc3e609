import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { JobKind } from './job-spec';
import { JobDescription, describeJob, isTerminal } from './describe-job';
import { SageMakerJobFailedError, JobWaitTimeoutError } from './errors';
import { JobLogEvent, JobLogTailer } from './log-tailer';
import { JobProgressEvent, progressBetween } from './progress';

export interface WaitForJobOptions {
  /** Poll interval; default 10 s (AWS). Local runs can poll every few hundred ms. */
  pollIntervalMs?: number;
  /** Give up (JobWaitTimeoutError) after this long; the job keeps running. Default: no limit. */
  timeoutMs?: number;
  onProgress?: (event: JobProgressEvent) => void;
  /** Follow CloudWatch Logs with this client (`wait(logs=True)`); events go to `onLog`. */
  logs?: CloudWatchLogsClient;
  /** Default: print `[host] message` to stdout, like the Python SDK. */
  onLog?: (event: JobLogEvent) => void;
  /** Consecutive transient Describe errors tolerated (after the SDK's own retries). Default 5. */
  maxConsecutiveErrors?: number;
  signal?: AbortSignal;
}

export interface JobOutcome extends JobDescription {
  /** Wall time spent waiting. */
  waitedMs: number;
}

const TRANSIENT = new Set([
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalFailure',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'TimeoutError',
]);

function isTransient(err: unknown): boolean {
  const e = err as { name?: string; code?: string; $retryable?: unknown };
  return TRANSIENT.has(e.name ?? '') || TRANSIENT.has(e.code ?? '') || e.$retryable !== undefined;
}

/**
 * Polls until the job is terminal, reporting status / secondary-status transitions and streaming
 * logs. Resolves with final metrics and artifact URIs on Completed or Stopped; throws
 * SageMakerJobFailedError (with FailureReason) on Failed. Works on any job, including one started by an
 * earlier process (resume after a crash: just wait on the same name).
 */
export async function waitForJob(
  sm: SageMakerClient,
  kind: JobKind,
  jobName: string,
  opts: WaitForJobOptions = {},
): Promise<JobOutcome> {
  const interval = opts.pollIntervalMs ?? 10_000;
  if (!(interval > 0)) throw new RangeError(`waitForJob: pollIntervalMs must be > 0, got ${interval}`);
  const maxErrors = opts.maxConsecutiveErrors ?? 5;
  const started = Date.now();
  const tailer = opts.logs ? new JobLogTailer(opts.logs, kind, jobName) : undefined;
  const onLog = opts.onLog ?? ((e: JobLogEvent) => void process.stdout.write(`[${e.host}] ${e.message}\n`));
  const emitLogs = async (): Promise<void> => {
    if (!tailer) return;
    try {
      for (const e of await tailer.poll()) onLog(e);
    } catch (err) {
      // Throttled log reads must not end the wait; the tailer keeps its tokens and catches up next poll.
      if (!isTransient(err)) throw err;
    }
  };

  let last: JobDescription | undefined;
  let errors = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    let current: JobDescription | undefined;
    try {
      current = await describeJob(sm, kind, jobName);
      errors = 0;
    } catch (err) {
      if (!isTransient(err) || ++errors > maxErrors) throw err;
    }
    if (current) {
      const event = progressBetween(last, current, Date.now() - started);
      if (event) opts.onProgress?.(event);
      last = current;
      await emitLogs();
      if (isTerminal(current.status)) {
        // Logs trail the status: one more pass picks up lines flushed at exit.
        await emitLogs();
        if (current.status === 'Failed') {
          throw new SageMakerJobFailedError(
            kind,
            jobName,
            current.failureReason ?? 'no FailureReason given',
            current.secondaryStatus,
          );
        }
        return { ...current, waitedMs: Date.now() - started };
      }
    }
    const waited = Date.now() - started;
    if (opts.timeoutMs !== undefined && waited + interval > opts.timeoutMs) {
      throw new JobWaitTimeoutError(kind, jobName, last?.status ?? 'unknown', waited);
    }
    await sleep(interval, opts.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
