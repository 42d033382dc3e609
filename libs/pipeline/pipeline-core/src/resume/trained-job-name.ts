import { BatchName } from '@mlops/db';
import type { RunContext } from '../context/run-context';
import { tuningJobNameFor } from '../naming/tuning-job-name';

/**
 * The training job whose model is this run's model: `<model>-training-<run-id>`, or, when the model
 * tunes, the best trial of the run's tuning job (the tuning job's own name while no best is recorded,
 * which no job row has, so callers report it as not recorded).
 */
export async function trainedJobName(
  ctx: Pick<RunContext, 'db' | 'model' | 'runId' | 'jobName'>,
): Promise<string> {
  if (!ctx.model.training.tuning) return ctx.jobName(BatchName.Training);
  const tuningJobName = tuningJobNameFor(ctx.runId, ctx.model.name);
  const best = (await ctx.db.listTuningTrials({ tuningJobName })).find((t) => t.best);
  if (!best) return tuningJobName;
  const jobs = await ctx.db.listJobs({ pipelineRunId: best.pipelineRunId ?? undefined });
  return jobs.find((j) => j.id === best.jobId)?.sagemakerName ?? tuningJobName;
}
