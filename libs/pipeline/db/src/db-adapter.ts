import type { DataSource } from 'typeorm';
import { ConnectOptions, connectDataSource } from './data-source';
import { DbConfig, describeDb } from './db-config';
import { DbSession } from './db-session';
import type { PipelineRunStatus } from './enum';
import type {
  ArtifactRow,
  EntitySchemas,
  EvaluationRow,
  InferenceRunRow,
  JobRow,
  ModelRow,
  ModelVersionRow,
  PipelineRunRow,
} from './schema';
import * as artifacts from './repositories/artifacts';
import * as evaluations from './repositories/evaluations';
import * as inferenceRuns from './repositories/inference-runs';
import * as jobs from './repositories/jobs';
import * as modelVersions from './repositories/model-versions';
import * as models from './repositories/models';
import * as pipelineRuns from './repositories/pipeline-runs';
import * as stepCache from './repositories/step-cache';
import type { StepCacheRow } from './step-cache/step-cache-schema';

export type { ArtifactFilter, RecordArtifactInput } from './repositories/artifacts';
export type { EvaluationFilter, RecordEvaluationInput } from './repositories/evaluations';
export type { InferenceRunFilter, RecordInferenceRunInput } from './repositories/inference-runs';
export type { JobFilter, JobUpdate, UpsertJobInput } from './repositories/jobs';
export type { CreateModelVersionInput } from './repositories/model-versions';
export type { UpsertModelInput } from './repositories/models';
export type { PipelineRunFilter, PipelineRunInput } from './repositories/pipeline-runs';
export type { CachedJobInfo, RecordStepCacheInput, StepCacheHit } from './repositories/step-cache';

/**
 * The queries the batches need, on SQLite or PostgreSQL (the seed's `db_adapter.py`). A facade: each
 * entity's queries live in `repositories/<entity>.ts` and share one `DbSession` (queue and transactions).
 * Plain rows in and out. Every write that touches more than one row runs in a transaction, and "create"
 * calls are idempotent so a rerun batch (same `--run-id`) finds its rows instead of duplicating them.
 */
export class DbAdapter {
  private readonly session: DbSession;

  constructor(dataSource: DataSource, entities: EntitySchemas, target: string) {
    this.session = new DbSession(dataSource, entities, target);
  }

  get dataSource(): DataSource {
    return this.session.dataSource;
  }

  /** Human-readable target, safe to log. */
  get target(): string {
    return this.session.target;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  // --- models
  upsertModel(input: models.UpsertModelInput): Promise<ModelRow> {
    return models.upsertModel(this.session, input);
  }
  getModel(name: string): Promise<ModelRow | null> {
    return models.getModel(this.session, name);
  }

  // --- pipeline runs
  createPipelineRun(
    input: pipelineRuns.PipelineRunInput,
  ): Promise<{ run: PipelineRunRow; created: boolean }> {
    return pipelineRuns.createPipelineRun(this.session, input);
  }
  getPipelineRun(runId: string, modelName: string): Promise<PipelineRunRow | null> {
    return pipelineRuns.getPipelineRun(this.session, runId, modelName);
  }
  finishPipelineRun(id: number, status: PipelineRunStatus, error?: string): Promise<PipelineRunRow> {
    return pipelineRuns.finishPipelineRun(this.session, id, status, error);
  }
  listPipelineRuns(filter?: pipelineRuns.PipelineRunFilter): Promise<PipelineRunRow[]> {
    return pipelineRuns.listPipelineRuns(this.session, filter);
  }

  // --- jobs
  upsertJob(input: jobs.UpsertJobInput): Promise<JobRow> {
    return jobs.upsertJob(this.session, input);
  }
  getJob(sagemakerName: string): Promise<JobRow | null> {
    return jobs.getJob(this.session, sagemakerName);
  }
  updateJob(sagemakerName: string, update: jobs.JobUpdate): Promise<JobRow> {
    return jobs.updateJob(this.session, sagemakerName, update);
  }
  listJobs(filter?: jobs.JobFilter): Promise<JobRow[]> {
    return jobs.listJobs(this.session, filter);
  }

  // --- artifacts
  recordArtifact(input: artifacts.RecordArtifactInput): Promise<ArtifactRow> {
    return artifacts.recordArtifact(this.session, input);
  }
  listArtifacts(filter?: artifacts.ArtifactFilter): Promise<ArtifactRow[]> {
    return artifacts.listArtifacts(this.session, filter);
  }

  // --- model versions
  createModelVersion(input: modelVersions.CreateModelVersionInput): Promise<ModelVersionRow> {
    return modelVersions.createModelVersion(this.session, input);
  }
  getModelVersion(id: number): Promise<ModelVersionRow | null> {
    return modelVersions.getModelVersion(this.session, id);
  }
  latestApprovedModelVersion(modelName: string): Promise<ModelVersionRow | null> {
    return modelVersions.latestApprovedModelVersion(this.session, modelName);
  }
  modelVersionOfRun(runId: string, modelName: string): Promise<ModelVersionRow | null> {
    return modelVersions.modelVersionOfRun(this.session, runId, modelName);
  }
  listModelVersions(modelName: string): Promise<ModelVersionRow[]> {
    return modelVersions.listModelVersions(this.session, modelName);
  }

  // --- evaluations
  recordEvaluation(
    input: evaluations.RecordEvaluationInput,
  ): Promise<{ evaluation: EvaluationRow; modelVersion: ModelVersionRow }> {
    return evaluations.recordEvaluation(this.session, input);
  }
  listEvaluations(filter?: evaluations.EvaluationFilter): Promise<EvaluationRow[]> {
    return evaluations.listEvaluations(this.session, filter);
  }

  // --- inference runs
  recordInferenceRun(input: inferenceRuns.RecordInferenceRunInput): Promise<InferenceRunRow> {
    return inferenceRuns.recordInferenceRun(this.session, input);
  }
  listInferenceRuns(filter?: inferenceRuns.InferenceRunFilter): Promise<InferenceRunRow[]> {
    return inferenceRuns.listInferenceRuns(this.session, filter);
  }

  // --- step cache
  recordStepCache(input: stepCache.RecordStepCacheInput): Promise<StepCacheRow> {
    return stepCache.recordStepCache(this.session, input);
  }
  findStepCache(cacheKey: string): Promise<stepCache.StepCacheHit | null> {
    return stepCache.findStepCache(this.session, cacheKey);
  }
  listCachedJobs(pipelineRunId: number): Promise<stepCache.CachedJobInfo[]> {
    return stepCache.listCachedJobs(this.session, pipelineRunId);
  }
}

/** Connects (SQLite or PostgreSQL), applies migrations and returns the adapter. */
export async function openDatabase(config: DbConfig, options: ConnectOptions = {}): Promise<DbAdapter> {
  const { dataSource, entities } = await connectDataSource(config, options);
  return new DbAdapter(dataSource, entities, describeDb(config));
}
