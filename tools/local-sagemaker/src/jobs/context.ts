import type { DataTransfer } from '../data/transfer';
import type { LogStore } from '../logs/log-store';
import type { Runtime } from '../runtime/types';
import type { JobStore } from '../state/job-store';
import type { JobRecord, StatusTransition } from '../state/types';

/** What a running job needs from the emulator. */
export interface JobContext {
  store: JobStore;
  logs: LogStore;
  runtime: Runtime;
  transfer: DataTransfer;
  /** Parent of the per-job work folders. */
  workDir: string;
  /** Grace between the stop signal and SIGKILL (SageMaker: 120 s). */
  stopGraceMs: number;
  region: string;
  /** Extra env for every job (e.g. AWS_ENDPOINT_URL_S3 of the local S3). */
  jobEnv: Record<string, string>;
  keepWorkDirs: boolean;
}

export type StopReason = 'Stopped' | 'MaxRuntimeExceeded';

/** Shared between the API (Stop*) and the job's run loop. */
export interface JobControl {
  stopReason?: StopReason;
  stop(reason: StopReason): void;
}

/** Moves the job to a new secondary status, closing the previous transition. */
export function transition(
  ctx: JobContext,
  job: JobRecord,
  status: string,
  message: string,
  terminal = false,
) {
  const now = Date.now();
  const transitions: StatusTransition[] = job.transitions.map((t) =>
    t.EndTime === undefined ? { ...t, EndTime: now } : t,
  );
  transitions.push({
    Status: status,
    StartTime: now,
    ...(terminal ? { EndTime: now } : {}),
    StatusMessage: message,
  });
  ctx.store.update(job, { secondaryStatus: status, transitions });
}

export const truncate = (text: string, max = 1024) => (text.length > max ? text.slice(0, max) : text);
