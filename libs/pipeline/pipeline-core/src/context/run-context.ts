import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { DbAdapter, PipelineRunRow } from '@mlops/db';
import type { ProgressPrinter } from '../progress/progress-printer';
import type { RunJobResult } from '../resume/run-job';
import type { RunTuningResult } from '../resume/run-tuning';
import type { JobPlan } from '../specs/job-plan';
import type { TuningPlan } from '../specs/tuning-plan';
import type { BatchContext } from './batch-context';

/** A batch's view of one run of one model: config, clients, DB and the run record. */
export interface RunContext extends BatchContext {
  s3: S3Client;
  sagemaker: SageMakerClient;
  logs: CloudWatchLogsClient;
  db: DbAdapter;
  printer: ProgressPrinter;
  signal: AbortSignal;
  /**
   * Upserts the model and the pipeline run (idempotent per run id + model). Batches call it only after
   * their preconditions hold, so a refused batch leaves no row behind.
   */
  ensureRun(): Promise<PipelineRunRow>;
  /** Resume-aware start/attach/skip + wait + record of one job of this batch (see runJob). */
  runJob(plan: JobPlan): Promise<RunJobResult>;
  /** Start/attach + wait + record every trial of this batch's tuning job (see runTuning). */
  runTuning(plan: TuningPlan): Promise<RunTuningResult>;
}
