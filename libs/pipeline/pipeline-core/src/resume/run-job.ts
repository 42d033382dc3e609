import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  isTerminal,
  SageMakerJobFailedError,
  startProcessingJob,
  startTrainingJob,
  waitForJob,
} from '@mlops/aws';
import type { JobDescription } from '@mlops/aws';
import type { BatchName, DbAdapter, JobRow, JobStatus } from '@mlops/db';
import { ArtifactKind } from '@mlops/db';
import { InterruptedError, BatchJobFailedError } from '../errors/pipeline-errors';
import type { ProgressPrinter } from '../progress/progress-printer';
import { failureText, JobIdentity, recordJobStarted, recordJobState } from '../record/record-job';
import { describeIfExists } from '../sagemaker/describe-if-exists';
import type { JobPlan } from '../specs/job-plan';

export interface RunJobDeps {
  sagemaker: SageMakerClient;
  logs: CloudWatchLogsClient;
  db: DbAdapter;
  printer: ProgressPrinter;
  signal?: AbortSignal;
  /** Describe interval while waiting; default 2000 ms. */
  pollMs?: number;
}

/**
 * How the job was obtained: a new launch, an existing one re-attached to, a finished one skipped, or
 * an earlier run's outputs reused (cache/cached-run-job).
 */
export type JobResolution = 'started' | 'attached' | 'skipped' | 'cached';

export interface RunJobResult {
  description: JobDescription;
  resolution: JobResolution;
  row: JobRow;
  /** With `cached`: the job whose outputs were reused. */
  cachedFrom?: string;
}

/**
 * Resume logic in one place. With the plan's deterministic name:
 *  - recorded Completed in the DB → skipped (described again if SageMaker still knows it);
 *  - known to SageMaker → re-attach and wait (a rerun never launches a duplicate);
 *  - else send the plan's prepared request (a ResourceInUse race still attaches, see @mlops/aws
 *    startTrainingJob).
 * Every status change is written to the job's row as it happens, so a killed batch leaves the row at
 * the last known status; Failed/Stopped → BatchJobFailedError carrying the FailureReason (exit 1).
 */
export async function runJob(
  deps: RunJobDeps,
  owner: { batch: BatchName; modelName: string; pipelineRunId: number },
  plan: JobPlan,
): Promise<RunJobResult> {
  const { db, printer, sagemaker } = deps;
  const identity: JobIdentity = { ...owner, name: plan.name, kind: plan.kind };
  const recorded = await db.getJob(plan.name);
  if (recorded?.status === 'Completed') {
    const d =
      (await describeIfExists(sagemaker, plan.kind, plan.name)) ?? (await fromRow(db, recorded, identity));
    printer.info(`${plan.name}: already Completed in this run — skipped`);
    return { description: d, resolution: 'skipped', row: recorded };
  }

  const existing = await describeIfExists(sagemaker, plan.kind, plan.name);
  let resolution: JobResolution = 'attached';
  let arn = existing?.arn;
  if (existing) {
    printer.info(`${plan.name}: exists (${existing.status}) — re-attaching, not starting a duplicate`);
  } else {
    const started =
      plan.kind === 'training'
        ? await startTrainingJob(sagemaker, plan.request)
        : await startProcessingJob(sagemaker, plan.request);
    resolution = started.attached ? 'attached' : 'started';
    arn = started.arn;
    printer.info(`${plan.name}: ${started.attached ? 're-attached (created concurrently)' : 'started'}`);
  }
  await recordJobStarted(db, identity, arn);

  const final = existing && isTerminal(existing.status) ? existing : await waitAndRecord(deps, plan);
  const row = await recordJobState(db, final);
  if (final.status !== 'Completed')
    throw new BatchJobFailedError(plan.name, final.status, failureText(final));
  return { description: final, resolution, row };
}

async function waitAndRecord(deps: RunJobDeps, plan: JobPlan): Promise<JobDescription> {
  const { db, printer, sagemaker } = deps;
  // Progress callbacks are synchronous; DB writes are chained so they land in order.
  let writes: Promise<unknown> = Promise.resolve();
  try {
    return await waitForJob(sagemaker, plan.kind, plan.name, {
      pollIntervalMs: deps.pollMs ?? 2000,
      logs: deps.logs,
      signal: deps.signal,
      onLog: (e) => printer.log(e),
      onProgress: (e) => {
        printer.progress(e);
        writes = writes.then(() =>
          db.updateJob(plan.name, {
            status: e.status as JobStatus,
            secondaryStatus: e.secondaryStatus ?? null,
          }),
        );
      },
    });
  } catch (err) {
    if (deps.signal?.aborted) throw new InterruptedError(String(deps.signal.reason ?? 'abort'));
    // @mlops/aws throws on Failed: describe once more so the row gets FailureReason and timings.
    if (err instanceof SageMakerJobFailedError) {
      const d = await describeIfExists(sagemaker, plan.kind, plan.name);
      if (d) return d;
    }
    throw err;
  } finally {
    await writes;
  }
}

/** A Completed job SageMaker has forgotten (e.g. a wiped local stack): rebuild what callers need from the DB. */
async function fromRow(db: DbAdapter, row: JobRow, identity: JobIdentity): Promise<JobDescription> {
  const model = (await db.listArtifacts({ pipelineRunId: identity.pipelineRunId })).find(
    (a) => a.kind === ArtifactKind.Model && a.producedByJobId === row.id,
  );
  return {
    kind: identity.kind,
    jobName: row.sagemakerName,
    arn: row.sagemakerArn ?? undefined,
    status: row.status,
    secondaryStatus: row.secondaryStatus ?? undefined,
    failureReason: row.failureReason ?? undefined,
    startTime: row.startedAt ?? undefined,
    endTime: row.endedAt ?? undefined,
    transitions: [],
    metrics: row.metrics ?? {},
    artifacts: { outputs: {}, modelArtifacts: model?.uri },
  };
}
