import type { DbSession } from '../db-session';
import { PipelineRunStatus } from '../enum';
import { DbNotFoundError } from '../errors';
import type { PipelineRunRow } from '../schema';
import { getModel, modelIdFilter, requireModel } from './models';
import { assertOneOf, insertIgnore } from './query-helpers';

export interface PipelineRunInput {
  runId: string;
  modelName: string;
  environment: string;
}

export interface PipelineRunFilter {
  modelName?: string;
  runId?: string;
  limit?: number;
}

/**
 * Creates the run, or returns the existing one for the same (runId, model): `created` tells which.
 * Looks first: every batch of a model opens the same run, and an insert that hits the unique key still
 * takes an id from the sequence (SQLite AUTOINCREMENT, PostgreSQL serial), so ids would have gaps.
 */
export async function createPipelineRun(
  s: DbSession,
  input: PipelineRunInput,
): Promise<{ run: PipelineRunRow; created: boolean }> {
  return s.tx(async (m) => {
    const model = await requireModel(s, m, input.modelName);
    const key = { runId: input.runId, modelId: model.id };
    const existing = await m.findOneBy(s.entities.PipelineRun, key);
    if (existing) return { run: existing, created: false };
    // Only two writers racing for the same new run still reach the conflict here.
    const inserted = await insertIgnore(m, s.entities.PipelineRun, {
      ...key,
      environment: input.environment,
      status: PipelineRunStatus.Running,
      startedAt: new Date(),
      endedAt: null,
      error: null,
    });
    return { run: await m.findOneByOrFail(s.entities.PipelineRun, key), created: inserted };
  });
}

export async function getPipelineRun(
  s: DbSession,
  runId: string,
  modelName: string,
): Promise<PipelineRunRow | null> {
  const model = await getModel(s, modelName);
  if (!model) return null;
  return s.read((m) => m.findOneBy(s.entities.PipelineRun, { runId, modelId: model.id }));
}

export async function finishPipelineRun(
  s: DbSession,
  id: number,
  status: PipelineRunStatus,
  error?: string,
): Promise<PipelineRunRow> {
  assertOneOf('status', status, Object.values(PipelineRunStatus));
  return s.tx(async (m) => {
    const result = await m.update(
      s.entities.PipelineRun,
      { id },
      { status, endedAt: status === PipelineRunStatus.Running ? null : new Date(), error: error ?? null },
    );
    if (!result.affected) throw new DbNotFoundError(`Pipeline run id ${id} not found in ${s.target}`);
    return m.findOneByOrFail(s.entities.PipelineRun, { id });
  });
}

/** Newest first. */
export async function listPipelineRuns(
  s: DbSession,
  filter: PipelineRunFilter = {},
): Promise<PipelineRunRow[]> {
  const modelId = await modelIdFilter(s, filter.modelName);
  if (modelId === null) return [];
  const where: { runId?: string; modelId?: number } = {};
  if (filter.runId !== undefined) where.runId = filter.runId;
  if (modelId !== undefined) where.modelId = modelId;
  return s.read((m) =>
    m.find(s.entities.PipelineRun, { where, order: { startedAt: 'DESC', id: 'DESC' }, take: filter.limit }),
  );
}
