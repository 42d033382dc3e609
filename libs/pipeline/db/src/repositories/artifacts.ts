import type { DbSession } from '../db-session';
import { ArtifactKind } from '../enum';
import { DbConflictError } from '../errors';
import type { ArtifactRow } from '../schema';
import { requireJob } from './jobs';
import { modelIdFilter, requireModel } from './models';
import { assertOneOf, insertIgnore } from './query-helpers';

export interface RecordArtifactInput {
  uri: string;
  kind: ArtifactKind;
  modelName: string;
  /** SageMaker name of the job that wrote it. */
  producedByJob?: string;
  pipelineRunId?: number | null;
  metadata?: Record<string, unknown> | null;
}

export interface ArtifactFilter {
  pipelineRunId?: number;
  modelName?: string;
}

/** Idempotent by URI; the same URI recorded as a different kind is a conflict. */
export async function recordArtifact(s: DbSession, input: RecordArtifactInput): Promise<ArtifactRow> {
  assertOneOf('kind', input.kind, Object.values(ArtifactKind));
  return s.tx(async (m) => {
    const model = await requireModel(s, m, input.modelName);
    const job = input.producedByJob !== undefined ? await requireJob(s, m, input.producedByJob) : null;
    await insertIgnore(m, s.entities.Artifact, {
      uri: input.uri,
      kind: input.kind,
      modelId: model.id,
      producedByJobId: job?.id ?? null,
      pipelineRunId: input.pipelineRunId ?? null,
      metadata: input.metadata ?? null,
      createdAt: new Date(),
    });
    const row = await m.findOneByOrFail(s.entities.Artifact, { uri: input.uri });
    if (row.kind !== input.kind || row.modelId !== model.id) {
      throw new DbConflictError(
        `Artifact ${input.uri} is already recorded as "${row.kind}" for model id ${row.modelId}; ` +
          `cannot record it as "${input.kind}" for model "${input.modelName}"`,
      );
    }
    return row;
  });
}

export async function listArtifacts(s: DbSession, filter: ArtifactFilter = {}): Promise<ArtifactRow[]> {
  const modelId = await modelIdFilter(s, filter.modelName);
  if (modelId === null) return [];
  const where: { pipelineRunId?: number; modelId?: number } = {};
  if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
  if (modelId !== undefined) where.modelId = modelId;
  return s.read((m) => m.find(s.entities.Artifact, { where, order: { id: 'ASC' } }));
}
