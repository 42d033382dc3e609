import type { EntityManager } from 'typeorm';
import type { DbSession } from '../db-session';
import { BatchName, batchNameProblem, isTerminalJobStatus, JOB_STATUSES, JobStatus, JobType } from '../enum';
import { DbConflictError, DbNotFoundError } from '../errors';
import type { JobRow } from '../schema';
import { modelIdFilter, requireModel } from './models';
import { assertOneOf, insertIgnore } from './query-helpers';

export interface UpsertJobInput {
  /** The SageMaker job name: the idempotency key. */
  sagemakerName: string;
  jobType: JobType;
  batch: BatchName;
  modelName: string;
  pipelineRunId?: number | null;
  sagemakerArn?: string | null;
  status?: JobStatus;
  secondaryStatus?: string | null;
  startedAt?: Date | null;
}

export interface JobUpdate {
  sagemakerArn?: string | null;
  status?: JobStatus;
  secondaryStatus?: string | null;
  failureReason?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  metrics?: Record<string, number> | null;
}

export interface JobFilter {
  pipelineRunId?: number;
  modelName?: string;
  batch?: BatchName;
}

/**
 * Records a job by its SageMaker name. Calling it again with the same name (a resumed batch) returns
 * the same row and applies any newer fields; the name can never be reused for another model or type.
 */
export async function upsertJob(s: DbSession, input: UpsertJobInput): Promise<JobRow> {
  assertOneOf('jobType', input.jobType, Object.values(JobType));
  const badBatch = batchNameProblem(input.batch);
  if (badBatch) throw new DbConflictError(badBatch);
  if (input.status !== undefined) assertOneOf('status', input.status, JOB_STATUSES);
  return s.tx(async (m) => {
    const model = await requireModel(s, m, input.modelName);
    const now = new Date();
    await insertIgnore(m, s.entities.Job, {
      pipelineRunId: input.pipelineRunId ?? null,
      modelId: model.id,
      jobType: input.jobType,
      batch: input.batch,
      sagemakerName: input.sagemakerName,
      sagemakerArn: input.sagemakerArn ?? null,
      status: input.status ?? 'InProgress',
      secondaryStatus: input.secondaryStatus ?? null,
      failureReason: null,
      createdAt: now,
      startedAt: input.startedAt ?? null,
      endedAt: null,
      updatedAt: now,
      metrics: null,
    });
    const row = await m.findOneByOrFail(s.entities.Job, { sagemakerName: input.sagemakerName });
    if (row.modelId !== model.id || row.jobType !== input.jobType || row.batch !== input.batch) {
      throw new DbConflictError(
        `Job "${input.sagemakerName}" is already recorded as ${row.jobType}/${row.batch} for model id ${row.modelId}; ` +
          `refusing to reuse the name for ${input.jobType}/${input.batch} of model "${input.modelName}"`,
      );
    }
    return applyJobUpdate(s, m, row, {
      sagemakerArn: input.sagemakerArn,
      status: input.status,
      secondaryStatus: input.secondaryStatus,
      startedAt: input.startedAt,
    });
  });
}

export async function getJob(s: DbSession, sagemakerName: string): Promise<JobRow | null> {
  return s.read((m) => m.findOneBy(s.entities.Job, { sagemakerName }));
}

/**
 * Applies status, timings, failure reason and metrics. Undefined fields are left alone. A terminal
 * status (Completed/Failed/Stopped) is never overwritten by a non-terminal one: a late poll result
 * must not resurrect a finished job.
 */
export async function updateJob(s: DbSession, sagemakerName: string, update: JobUpdate): Promise<JobRow> {
  if (update.status !== undefined) assertOneOf('status', update.status, JOB_STATUSES);
  return s.tx(async (m) => applyJobUpdate(s, m, await requireJob(s, m, sagemakerName), update));
}

/** In creation order, i.e. pipeline order. */
export async function listJobs(s: DbSession, filter: JobFilter = {}): Promise<JobRow[]> {
  const modelId = await modelIdFilter(s, filter.modelName);
  if (modelId === null) return [];
  const where: { pipelineRunId?: number; modelId?: number; batch?: BatchName } = {};
  if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
  if (filter.batch !== undefined) where.batch = filter.batch;
  if (modelId !== undefined) where.modelId = modelId;
  return s.read((m) => m.find(s.entities.Job, { where, order: { createdAt: 'ASC', id: 'ASC' } }));
}

/** Inside a transaction: the job row, or DbNotFoundError naming it. */
export async function requireJob(s: DbSession, m: EntityManager, sagemakerName: string): Promise<JobRow> {
  const job = await m.findOneBy(s.entities.Job, { sagemakerName });
  if (!job) throw new DbNotFoundError(`Job "${sagemakerName}" not found in ${s.target}`);
  return job;
}

async function applyJobUpdate(
  s: DbSession,
  m: EntityManager,
  row: JobRow,
  update: JobUpdate,
): Promise<JobRow> {
  const changes: Partial<JobRow> = {};
  const stale =
    update.status !== undefined && isTerminalJobStatus(row.status) && !isTerminalJobStatus(update.status);
  for (const key of ['sagemakerArn', 'failureReason', 'startedAt', 'endedAt', 'metrics'] as const) {
    if (update[key] !== undefined) (changes as Record<string, unknown>)[key] = update[key];
  }
  if (!stale) {
    if (update.status !== undefined) changes.status = update.status;
    if (update.secondaryStatus !== undefined) changes.secondaryStatus = update.secondaryStatus;
  }
  if (Object.keys(changes).length === 0) return row;
  changes.updatedAt = new Date();
  await m.update(s.entities.Job, { id: row.id }, changes);
  return m.findOneByOrFail(s.entities.Job, { id: row.id });
}
