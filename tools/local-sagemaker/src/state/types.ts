import type { RunRecord } from '../runtime/types';
import type { CreateProcessingJobRequest, CreateTrainingJobRequest } from '../jobs/requests';

export type JobKind = 'training' | 'processing';
export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export const TERMINAL: readonly JobStatus[] = ['Completed', 'Failed', 'Stopped'];

export interface StatusTransition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage: string;
}

export interface MetricValue {
  MetricName: string;
  Value: number;
  Timestamp: number;
}

/** One persisted job. Times are epoch milliseconds; the API layer converts them to AWS epoch seconds. */
export interface JobRecord {
  kind: JobKind;
  name: string;
  arn: string;
  request: CreateTrainingJobRequest | CreateProcessingJobRequest;
  status: JobStatus;
  secondaryStatus: string;
  transitions: StatusTransition[];
  creationTime: number;
  lastModifiedTime: number;
  startTime?: number;
  endTime?: number;
  failureReason?: string;
  exitMessage?: string;
  modelArtifacts?: string;
  finalMetrics: MetricValue[];
  logStreams: string[];
  runtime?: string;
  /** The job's processes (process runtime), for a restarted emulator to follow or end them. */
  run?: RunRecord;
  /** The job's work folder while it runs (kept across an emulator restart for a job that is re-adopted). */
  workDir?: string;
  /** Emulator instance that runs the job: a job InProgress under another instance has lost its runner. */
  runnerId: string;
}
