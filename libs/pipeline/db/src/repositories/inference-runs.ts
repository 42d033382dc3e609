import type { DbSession } from '../db-session';
import { JOB_STATUSES, JobStatus } from '../enum';
import type { InferenceRunRow } from '../schema';
import { requireJob } from './jobs';
import { requireModelVersion } from './model-versions';
import { assertOneOf, insertedId } from './query-helpers';

export interface RecordInferenceRunInput {
  modelVersionId: number;
  inputUri: string;
  outputUri: string;
  /** SageMaker name of the inference job; makes the call idempotent (a rerun updates the row). */
  jobName?: string;
  pipelineRunId?: number | null;
  status?: JobStatus;
  recordCount?: number | null;
  endedAt?: Date | null;
}

export interface InferenceRunFilter {
  pipelineRunId?: number;
}

export async function recordInferenceRun(
  s: DbSession,
  input: RecordInferenceRunInput,
): Promise<InferenceRunRow> {
  if (input.status !== undefined) assertOneOf('status', input.status, JOB_STATUSES);
  return s.tx(async (m) => {
    const version = await requireModelVersion(s, m, input.modelVersionId);
    const job = input.jobName !== undefined ? await requireJob(s, m, input.jobName) : null;
    const existing = job ? await m.findOneBy(s.entities.InferenceRun, { jobId: job.id }) : null;
    if (existing) {
      const changes: Partial<InferenceRunRow> = {};
      if (input.status !== undefined) changes.status = input.status;
      if (input.recordCount !== undefined) changes.recordCount = input.recordCount;
      if (input.endedAt !== undefined) changes.endedAt = input.endedAt;
      if (Object.keys(changes).length > 0)
        await m.update(s.entities.InferenceRun, { id: existing.id }, changes);
      return m.findOneByOrFail(s.entities.InferenceRun, { id: existing.id });
    }
    const result = await m.insert(s.entities.InferenceRun, {
      modelVersionId: version.id,
      jobId: job?.id ?? null,
      pipelineRunId: input.pipelineRunId ?? null,
      inputUri: input.inputUri,
      outputUri: input.outputUri,
      status: input.status ?? 'InProgress',
      recordCount: input.recordCount ?? null,
      createdAt: new Date(),
      endedAt: input.endedAt ?? null,
    });
    return m.findOneByOrFail(s.entities.InferenceRun, { id: insertedId(result) });
  });
}

export async function listInferenceRuns(
  s: DbSession,
  filter: InferenceRunFilter = {},
): Promise<InferenceRunRow[]> {
  const where: { pipelineRunId?: number } = {};
  if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
  return s.read((m) => m.find(s.entities.InferenceRun, { where, order: { id: 'ASC' } }));
}
