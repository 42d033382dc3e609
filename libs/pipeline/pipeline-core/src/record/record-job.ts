import type { JobDescription, JobKind } from '@mlops/aws';
import type { BatchName, DbAdapter, JobRow, JobStatus } from '@mlops/db';
import { JobType } from '@mlops/db';

export interface JobIdentity {
  name: string;
  kind: JobKind;
  batch: BatchName;
  modelName: string;
  pipelineRunId: number;
}

const JOB_TYPE: Record<JobKind, JobType> = { training: JobType.Training, processing: JobType.Processing };

/** Inserts the job row (or finds the one a previous attempt of this run wrote). */
export function recordJobStarted(db: DbAdapter, job: JobIdentity, arn: string | undefined): Promise<JobRow> {
  return db.upsertJob({
    sagemakerName: job.name,
    jobType: JOB_TYPE[job.kind],
    batch: job.batch,
    modelName: job.modelName,
    pipelineRunId: job.pipelineRunId,
    sagemakerArn: arn ?? null,
  });
}

/** Mirrors SageMaker's view of the job into its row: status, secondary status, timings, failure, metrics. */
export function recordJobState(db: DbAdapter, d: JobDescription): Promise<JobRow> {
  return db.updateJob(d.jobName, {
    sagemakerArn: d.arn,
    status: d.status as JobStatus,
    secondaryStatus: d.secondaryStatus ?? null,
    failureReason: failureText(d) ?? null,
    startedAt: d.startTime,
    endedAt: d.endTime,
    metrics: Object.keys(d.metrics).length > 0 ? d.metrics : undefined,
  });
}

/**
 * What went wrong, in the container's own words first: processing jobs report them in ExitMessage
 * (`/opt/ml/output/message`) while FailureReason stays generic ("AlgorithmError: See job logs...").
 */
export function failureText(d: Pick<JobDescription, 'failureReason' | 'exitMessage'>): string | undefined {
  const message = d.exitMessage?.trim();
  if (message && d.failureReason) return `${message} (${d.failureReason})`;
  return message || d.failureReason;
}
