import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DbAdapter, PipelineRunRow } from '@mlops/db';
import type { ProgressPrinter } from '../progress/progress-printer';
import type { JobRequest, RunJobResult } from '../resume/run-job';
import type { SageMakerJobs } from '../sagemaker/sagemaker-jobs';
import type { BatchContext } from './batch-context';

/** A batch's view of one run of one model: config, clients, DB and the run record. */
export interface RunContext extends BatchContext {
  s3: S3Client;
  jobs: SageMakerJobs;
  logs: CloudWatchLogsClient;
  db: DbAdapter;
  printer: ProgressPrinter;
  signal: AbortSignal;
  /**
   * Upserts the model and the pipeline run (idempotent per run id + model). Batches call it only after
   * their preconditions hold, so a refused batch leaves no row behind.
   */
  ensureRun(): Promise<PipelineRunRow>;
  /** Resume-aware start/attach/skip + wait + record of this batch's job (see runJob). */
  runJob(job: JobRequest): Promise<RunJobResult>;
}
