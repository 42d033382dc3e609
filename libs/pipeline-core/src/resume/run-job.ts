import type { CreateProcessingJobRequest, CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import { ArtifactKind } from '@mlops/db';
import type { DbAdapter, JobRow } from '@mlops/db';
import { JobFailedError } from '../errors/pipeline-errors';
import type { ProgressPrinter } from '../progress/progress-printer';
import { waitForJob } from '../progress/wait-for-job';
import { JobIdentity, recordJobStarted, recordJobState } from '../record/record-job';
import type { JobDescription } from '../sagemaker/job-description';
import { isTerminal } from '../sagemaker/job-description';
import { LogTail } from '../sagemaker/log-tail';
import type { SageMakerJobs } from '../sagemaker/sagemaker-jobs';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

export type JobRequest =
  | { kind: 'training'; request: CreateTrainingJobRequest }
  | { kind: 'processing'; request: CreateProcessingJobRequest };

export interface RunJobDeps {
  jobs: SageMakerJobs;
  logs: CloudWatchLogsClient;
  db: DbAdapter;
  printer: ProgressPrinter;
  signal?: AbortSignal;
  pollMs?: number;
}

/** How the job was obtained: a new launch, an existing one re-attached to, or a finished one skipped. */
export type JobResolution = 'started' | 'attached' | 'skipped';

export interface RunJobResult {
  description: JobDescription;
  resolution: JobResolution;
  row: JobRow;
}

/**
 * Resume logic in one place. With the deterministic name:
 *  - recorded Completed in the DB → skip (nothing is called but Describe, if SageMaker still knows it);
 *  - known to SageMaker → attach and wait (a rerun never launches a duplicate);
 *  - else start (ResourceInUse from a concurrent start still attaches).
 * Every status change is written to the job's row; Failed/Stopped → JobFailedError with FailureReason.
 */
export async function runJob(
  deps: RunJobDeps,
  identity: JobIdentity,
  job: JobRequest,
): Promise<RunJobResult> {
  const { db, jobs, printer } = deps;
  const name = identity.name;
  const recorded = await db.getJob(name);
  if (recorded?.status === 'Completed') {
    const d = (await jobs.describe(job.kind, name)) ?? (await fromRow(db, recorded, identity));
    printer.info(`${name}: already Completed in this run — skipped`);
    return { description: d, resolution: 'skipped', row: recorded };
  }

  let resolution: JobResolution;
  let arn: string | undefined;
  const existing = await jobs.describe(job.kind, name);
  if (existing) {
    resolution = 'attached';
    arn = existing.arn;
    printer.info(`${name}: exists (${existing.status}) — re-attaching instead of starting a duplicate`);
  } else {
    const started =
      job.kind === 'training'
        ? await jobs.startTraining(job.request)
        : await jobs.startProcessing(job.request);
    resolution = started.attached ? 'attached' : 'started';
    arn = started.arn;
    printer.info(`${name}: ${started.attached ? 're-attached (started concurrently)' : 'started'}`);
  }
  await recordJobStarted(db, identity, arn);

  const tail = new LogTail(deps.logs, job.kind, name);
  const final =
    existing && isTerminal(existing.status)
      ? existing
      : await waitForJob(
          { describe: (k, n) => jobs.describe(k, n), pollLogs: () => tail.poll(), printer },
          job.kind,
          name,
          {
            pollMs: deps.pollMs,
            signal: deps.signal,
            onChange: async (d) => {
              await recordJobState(db, d);
            },
          },
        );
  const row = await recordJobState(db, final);
  if (final.status !== 'Completed') throw new JobFailedError(name, final.status, final.failureReason);
  return { description: final, resolution, row };
}

/** A Completed job SageMaker has forgotten (e.g. a wiped local stack): rebuild what callers need from the DB. */
async function fromRow(db: DbAdapter, row: JobRow, identity: JobIdentity): Promise<JobDescription> {
  const model = (await db.listArtifacts({ pipelineRunId: identity.pipelineRunId })).find(
    (a) => a.kind === ArtifactKind.Model && a.producedByJobId === row.id,
  );
  return {
    kind: identity.kind,
    name: row.sagemakerName,
    arn: row.sagemakerArn ?? undefined,
    status: row.status,
    secondaryStatus: row.secondaryStatus ?? undefined,
    failureReason: row.failureReason ?? undefined,
    startTime: row.startedAt ?? undefined,
    endTime: row.endedAt ?? undefined,
    metrics: row.metrics ?? {},
    modelArtifacts: model?.uri,
  };
}
