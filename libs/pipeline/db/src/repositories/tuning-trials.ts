import type { DbSession } from '../db-session';
import { requireJob } from './jobs';
import type { TuningTrialRow } from '../experiments/experiment-schema';

export interface RecordTuningTrialInput {
  /** The trial's training job, already recorded with upsertJob. */
  jobName: string;
  tuningJobName: string;
  hyperparameters: Record<string, string>;
  objectiveMetric: string;
  objectiveValue?: number | null;
  best?: boolean;
}

/** Idempotent per trial job: a rerun (or a later poll) updates the trial's objective and best flag. */
export async function recordTuningTrial(
  s: DbSession,
  input: RecordTuningTrialInput,
): Promise<TuningTrialRow> {
  return s.tx(async (m) => {
    const job = await requireJob(s, m, input.jobName);
    const now = new Date();
    const existing = await m.findOneBy(s.entities.TuningTrial, { jobId: job.id });
    const values = {
      pipelineRunId: job.pipelineRunId,
      tuningJobName: input.tuningJobName,
      hyperparameters: input.hyperparameters,
      objectiveMetric: input.objectiveMetric,
      objectiveValue: input.objectiveValue ?? existing?.objectiveValue ?? null,
      best: input.best ?? existing?.best ?? false,
      updatedAt: now,
    };
    if (existing) await m.update(s.entities.TuningTrial, { id: existing.id }, values);
    else await m.insert(s.entities.TuningTrial, { ...values, jobId: job.id, createdAt: now });
    return (await m.findOneByOrFail(s.entities.TuningTrial, { jobId: job.id })) as TuningTrialRow;
  });
}

/** A run's trials (every model, or the run ids given), in insertion order. */
export async function listTuningTrials(
  s: DbSession,
  filter: { pipelineRunId?: number; tuningJobName?: string } = {},
): Promise<TuningTrialRow[]> {
  const where: { pipelineRunId?: number; tuningJobName?: string } = {};
  if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
  if (filter.tuningJobName !== undefined) where.tuningJobName = filter.tuningJobName;
  return s.read(
    async (m) => (await m.find(s.entities.TuningTrial, { where, order: { id: 'ASC' } })) as TuningTrialRow[],
  );
}
