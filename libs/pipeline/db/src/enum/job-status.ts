import { ProcessingJobStatus } from './processing-job-status';
import { TrainingJobStatus } from './training-job-status';

/** Status column of `jobs` and `inference_runs`: either API's status. */
export type JobStatus = TrainingJobStatus | ProcessingJobStatus;

export const JOB_STATUSES: readonly JobStatus[] = [
  ...new Set<JobStatus>([...Object.values(TrainingJobStatus), ...Object.values(ProcessingJobStatus)]),
];

const TERMINAL: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Stopped']);

/** Completed, Failed and Stopped never change again. */
export function isTerminalJobStatus(status: string): boolean {
  return TERMINAL.has(status);
}
