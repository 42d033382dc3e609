import { DescribeHyperParameterTuningJobCommand } from '@aws-sdk/client-sagemaker';
import { startTuningJob, TuningJobFailedError, waitForTuningJob } from '@mlops/aws';
import type { JobDescription, TuningOutcome, TuningTrial } from '@mlops/aws';
import type { BatchName, JobRow } from '@mlops/db';
import { InterruptedError, BatchJobFailedError } from '../errors/pipeline-errors';
import { recordMetricSeries } from '../record/record-metric-series';
import { recordJobStarted, recordJobState } from '../record/record-job';
import { describeIfExists } from '../sagemaker/describe-if-exists';
import type { TuningPlan } from '../specs/tuning-plan';
import type { RunJobDeps, JobResolution } from './run-job';

export interface RunTuningResult {
  /** The BestTrainingJob, described. */
  best: JobDescription;
  bestRow: JobRow;
  trials: TuningTrial[];
  resolution: Exclude<JobResolution, 'skipped'>;
}

/**
 * Tuning counterpart of runJob: re-attaches to the run's tuning job when SageMaker knows its
 * deterministic name, else starts it; waits with one progress line per trial change; then records every
 * trial as a training job row plus a tuning_trials row (tuned hyperparameters, objective, best) and its
 * metric series. No BestTrainingJob (every trial failed, or the job failed) → BatchJobFailedError (exit 1).
 */
export async function runTuning(
  deps: RunJobDeps,
  owner: { batch: BatchName; modelName: string; pipelineRunId: number },
  plan: TuningPlan,
): Promise<RunTuningResult> {
  const { sagemaker, printer } = deps;
  const existing = await describeTuningIfExists(deps, plan.name);
  let resolution: RunTuningResult['resolution'] = 'attached';
  if (existing) printer.info(`${plan.name}: tuning job exists (${existing}) — re-attaching`);
  else {
    const started = await startTuningJob(sagemaker, plan.request);
    resolution = started.attached ? 'attached' : 'started';
    printer.info(
      `${plan.name}: tuning job ${started.attached ? 're-attached (created concurrently)' : 'started'}`,
    );
  }
  let outcome: TuningOutcome;
  try {
    outcome = await waitForTuningJob(sagemaker, plan.name, {
      pollIntervalMs: deps.pollMs ?? 2000,
      signal: deps.signal,
      onTrial: (e) => printer.info(`${plan.name}: ${e.summary}`),
    });
  } catch (err) {
    if (deps.signal?.aborted) throw new InterruptedError(String(deps.signal.reason ?? 'abort'));
    if (err instanceof TuningJobFailedError) {
      await recordTrials(deps, owner, plan, err.trials, undefined);
      throw new BatchJobFailedError(plan.name, 'Failed', err.failureReason);
    }
    throw err;
  }
  await recordTrials(deps, owner, plan, outcome.trials, outcome.best?.jobName);
  if (!outcome.best)
    throw new BatchJobFailedError(
      plan.name,
      outcome.status,
      'the tuning job has no BestTrainingJob (no trial completed)',
    );
  const best = await describeIfExists(sagemaker, 'training', outcome.best.jobName);
  if (!best) throw new Error(`${plan.name}: BestTrainingJob ${outcome.best.jobName} cannot be described`);
  const bestRow = await deps.db.getJob(best.jobName);
  if (!bestRow) throw new Error(`${plan.name}: BestTrainingJob ${best.jobName} was not recorded`);
  printer.info(
    `${plan.name}: ${outcome.status}, best trial ${best.jobName} objective=${outcome.best.objective}`,
  );
  return { best, bestRow, trials: outcome.trials, resolution };
}

async function recordTrials(
  deps: RunJobDeps,
  owner: { batch: BatchName; modelName: string; pipelineRunId: number },
  plan: TuningPlan,
  trials: readonly TuningTrial[],
  bestName: string | undefined,
): Promise<void> {
  const definitions = plan.spec.training.metricDefinitions ?? [];
  for (const trial of trials) {
    const d = await describeIfExists(deps.sagemaker, 'training', trial.jobName);
    await recordJobStarted(deps.db, { ...owner, name: trial.jobName, kind: 'training' }, d?.arn);
    if (d) await recordJobState(deps.db, d);
    await deps.db.recordTuningTrial({
      jobName: trial.jobName,
      tuningJobName: plan.name,
      hyperparameters: trial.hyperparameters,
      objectiveMetric: plan.spec.objective.metricName,
      objectiveValue: trial.objective ?? null,
      best: trial.jobName === bestName,
    });
    if (d && d.status !== 'InProgress') await recordMetricSeries(deps, trial.jobName, definitions);
  }
}

async function describeTuningIfExists(deps: RunJobDeps, name: string): Promise<string | undefined> {
  try {
    const d = await deps.sagemaker.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }),
    );
    return d.HyperParameterTuningJobStatus ?? 'unknown';
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ResourceNotFound') return undefined;
    if (e.name === 'ValidationException' && /not found|does not exist/i.test(e.message ?? ''))
      return undefined;
    throw err;
  }
}
