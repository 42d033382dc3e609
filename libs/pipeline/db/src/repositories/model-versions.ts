import { EntityManager, In } from 'typeorm';
import type { DbSession } from '../db-session';
import { JobType, ModelApprovalStatus } from '../enum';
import { DbNotFoundError } from '../errors';
import type { ModelVersionRow } from '../schema';
import { requireJob } from './jobs';
import { getModel, requireModel } from './models';
import { isUniqueViolation } from './query-helpers';

export interface CreateModelVersionInput {
  modelName: string;
  artifactUri: string;
  trainingJobName?: string;
}

/** Next version number for the model, or the existing version for the same artifact URI. */
export async function createModelVersion(
  s: DbSession,
  input: CreateModelVersionInput,
): Promise<ModelVersionRow> {
  // Two writers can read the same MAX(version); the unique (model, version) constraint rejects the
  // loser, which simply retries with the new maximum (or finds its artifact already recorded).
  for (let attempt = 1; ; attempt++) {
    try {
      return await createModelVersionOnce(s, input);
    } catch (err) {
      if (attempt >= 5 || !isUniqueViolation(err)) throw err;
    }
  }
}

async function createModelVersionOnce(
  s: DbSession,
  input: CreateModelVersionInput,
): Promise<ModelVersionRow> {
  return s.tx(async (m) => {
    const model = await requireModel(s, m, input.modelName);
    const existing = await m.findOneBy(s.entities.ModelVersion, {
      modelId: model.id,
      artifactUri: input.artifactUri,
    });
    if (existing) return existing;
    const job = input.trainingJobName !== undefined ? await requireJob(s, m, input.trainingJobName) : null;
    const max = await m
      .createQueryBuilder(s.entities.ModelVersion, 'v')
      .select('MAX(v.version)', 'max')
      .where('v.modelId = :modelId', { modelId: model.id })
      .getRawOne<{ max: number | string | null }>();
    const now = new Date();
    const values = {
      modelId: model.id,
      version: Number(max?.max ?? 0) + 1,
      artifactUri: input.artifactUri,
      trainingJobId: job?.id ?? null,
      approvalStatus: ModelApprovalStatus.PendingManualApproval,
      approvedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(s.entities.ModelVersion, values);
    return m.findOneByOrFail(s.entities.ModelVersion, { modelId: model.id, version: values.version });
  });
}

export async function getModelVersion(s: DbSession, id: number): Promise<ModelVersionRow | null> {
  return s.read((m) => m.findOneBy(s.entities.ModelVersion, { id }));
}

/** The highest approved version of the model, or null when none is approved (inference must refuse). */
export async function latestApprovedModelVersion(
  s: DbSession,
  modelName: string,
): Promise<ModelVersionRow | null> {
  const model = await getModel(s, modelName);
  if (!model) return null;
  return s.read((m) =>
    m.findOne(s.entities.ModelVersion, {
      where: { modelId: model.id, approvalStatus: ModelApprovalStatus.Approved },
      order: { version: 'DESC' },
    }),
  );
}

/**
 * The model version trained in a pipeline run (`--run-id`) of the model — what training recorded, for
 * evaluation to gate — or null when the run has none (no completed training job in it). The newest
 * when the run trained more than one.
 */
export async function modelVersionOfRun(
  s: DbSession,
  runId: string,
  modelName: string,
): Promise<ModelVersionRow | null> {
  return s.read(async (m) => {
    const model = await m.findOneBy(s.entities.Model, { name: modelName });
    const run = model && (await m.findOneBy(s.entities.PipelineRun, { runId, modelId: model.id }));
    if (!model || !run) return null;
    const jobs = await m.findBy(s.entities.Job, { pipelineRunId: run.id, jobType: JobType.Training });
    if (jobs.length === 0) return null;
    return m.findOne(s.entities.ModelVersion, {
      where: { modelId: model.id, trainingJobId: In(jobs.map((j) => j.id)) },
      order: { version: 'DESC' },
    });
  });
}

export async function listModelVersions(s: DbSession, modelName: string): Promise<ModelVersionRow[]> {
  const model = await getModel(s, modelName);
  if (!model) return [];
  return s.read((m) =>
    m.find(s.entities.ModelVersion, { where: { modelId: model.id }, order: { version: 'ASC' } }),
  );
}

/** Inside a transaction: the version row, or DbNotFoundError naming its id. */
export async function requireModelVersion(
  s: DbSession,
  m: EntityManager,
  id: number,
): Promise<ModelVersionRow> {
  const version = await m.findOneBy(s.entities.ModelVersion, { id });
  if (!version) throw new DbNotFoundError(`Model version id ${id} not found in ${s.target}`);
  return version;
}

/** Inside a transaction: records the approval decision on the version (Approved stamps the time). */
export async function setApproval(
  s: DbSession,
  m: EntityManager,
  id: number,
  approved: boolean,
  at: Date,
): Promise<ModelVersionRow> {
  await m.update(
    s.entities.ModelVersion,
    { id },
    {
      approvalStatus: approved ? ModelApprovalStatus.Approved : ModelApprovalStatus.Rejected,
      approvedAt: approved ? at : null,
      updatedAt: at,
    },
  );
  return m.findOneByOrFail(s.entities.ModelVersion, { id });
}
