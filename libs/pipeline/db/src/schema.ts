import { EntitySchema } from 'typeorm';
import type { Threshold } from '@mlops/contract';
import { id, manyToOne, Rel, sqlList, timestampType } from './column-types';
import { jobBatchCheck } from './batch-check';
import type { DbDialect } from './db-config';
import { createStepCacheSchema } from './step-cache/step-cache-schema';
import { createExperimentEntitySchemas } from './experiments/experiment-schema';
import {
  ArtifactKind,
  BatchName,
  EvaluationVerdict,
  JOB_STATUSES,
  JobStatus,
  JobType,
  ModelApprovalStatus,
  ModelTask,
  PipelineRunStatus,
} from './enum';

// EntitySchema (not decorators) with explicit column types: esbuild emits no decorator metadata, so this
// is what keeps the lib working when bundled. Rows are plain objects in and out. Column and constraint
// names are explicit and must match migrations/ exactly (a test diffs entity metadata vs migrated schema).

export interface ModelRow {
  id: number;
  name: string;
  team: string;
  task: ModelTask;
  createdAt: Date;
  updatedAt: Date;
}

export interface PipelineRunRow {
  id: number;
  /** The batches' `--run-id`; one row per (runId, model). */
  runId: string;
  modelId: number;
  environment: string;
  status: PipelineRunStatus;
  startedAt: Date;
  endedAt: Date | null;
  error: string | null;
}

export interface JobRow {
  id: number;
  pipelineRunId: number | null;
  modelId: number;
  jobType: JobType;
  batch: BatchName;
  sagemakerName: string;
  sagemakerArn: string | null;
  status: JobStatus;
  secondaryStatus: string | null;
  failureReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  updatedAt: Date;
  metrics: Record<string, number> | null;
}

export interface ModelVersionRow {
  id: number;
  modelId: number;
  /** 1, 2, 3… per model. */
  version: number;
  /** `s3://…/model.tar.gz`. */
  artifactUri: string;
  trainingJobId: number | null;
  approvalStatus: ModelApprovalStatus;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArtifactRow {
  id: number;
  uri: string;
  kind: ArtifactKind;
  modelId: number;
  producedByJobId: number | null;
  pipelineRunId: number | null;
  metadata: Record<string, unknown> | null;
  createdAt: Date;
}

/** One threshold as the gate checked it: the metric's value (null when missing) and the outcome. */
export interface ThresholdCheck extends Threshold {
  actual: number | null;
  passed: boolean;
}

export interface EvaluationRow {
  id: number;
  modelVersionId: number;
  jobId: number | null;
  pipelineRunId: number | null;
  metrics: Record<string, number>;
  thresholds: Threshold[];
  checks: ThresholdCheck[];
  verdict: EvaluationVerdict;
  createdAt: Date;
}

export interface InferenceRunRow {
  id: number;
  modelVersionId: number;
  jobId: number | null;
  pipelineRunId: number | null;
  inputUri: string;
  outputUri: string;
  status: JobStatus;
  recordCount: number | null;
  createdAt: Date;
  endedAt: Date | null;
}

export const ENTITY = {
  Model: 'Model',
  PipelineRun: 'PipelineRun',
  Job: 'Job',
  ModelVersion: 'ModelVersion',
  Artifact: 'Artifact',
  Evaluation: 'Evaluation',
  InferenceRun: 'InferenceRun',
} as const;

export const TABLE = {
  models: 'models',
  pipelineRuns: 'pipeline_runs',
  jobs: 'jobs',
  modelVersions: 'model_versions',
  artifacts: 'artifacts',
  evaluations: 'evaluations',
  inferenceRuns: 'inference_runs',
} as const;

/** CHECK constraints on our own enums (shared with the migration so both spell them identically). */
export const CHECKS = {
  modelTask: { name: 'CHK_models_task', expression: `"task" IN (${sqlList(Object.values(ModelTask))})` },
  runStatus: {
    name: 'CHK_pipeline_runs_status',
    expression: `"status" IN (${sqlList(Object.values(PipelineRunStatus))})`,
  },
  jobType: { name: 'CHK_jobs_job_type', expression: `"job_type" IN (${sqlList(Object.values(JobType))})` },
  jobStatus: { name: 'CHK_jobs_status', expression: `"status" IN (${sqlList(JOB_STATUSES)})` },
  approval: {
    name: 'CHK_model_versions_approval_status',
    expression: `"approval_status" IN (${sqlList(Object.values(ModelApprovalStatus))})`,
  },
  artifactKind: {
    name: 'CHK_artifacts_kind',
    expression: `"kind" IN (${sqlList(Object.values(ArtifactKind))})`,
  },
  verdict: {
    name: 'CHK_evaluations_verdict',
    expression: `"verdict" IN (${sqlList(Object.values(EvaluationVerdict))})`,
  },
  inferenceStatus: {
    name: 'CHK_inference_runs_status',
    expression: `"status" IN (${sqlList(JOB_STATUSES)})`,
  },
} as const;

/** Entity schemas for one database dialect (only the timestamp type differs). */
export function createEntitySchemas(dialect: DbDialect) {
  const ts = { type: timestampType(dialect) } as const;

  const Model = new EntitySchema<ModelRow>({
    name: ENTITY.Model,
    tableName: TABLE.models,
    columns: {
      id,
      name: { type: 'varchar', length: 128 },
      team: { type: 'varchar', length: 64 },
      task: { type: 'varchar', length: 32 },
      createdAt: { ...ts, name: 'created_at' },
      updatedAt: { ...ts, name: 'updated_at' },
    },
    uniques: [{ name: 'UQ_models_name', columns: ['name'] }],
    checks: [CHECKS.modelTask],
  });

  const PipelineRun = new EntitySchema<Rel<PipelineRunRow, 'model'>>({
    name: ENTITY.PipelineRun,
    tableName: TABLE.pipelineRuns,
    columns: {
      id,
      runId: { type: 'varchar', length: 64, name: 'run_id' },
      modelId: { type: 'integer', name: 'model_id' },
      environment: { type: 'varchar', length: 32 },
      status: { type: 'varchar', length: 16 },
      startedAt: { ...ts, name: 'started_at' },
      endedAt: { ...ts, name: 'ended_at', nullable: true },
      error: { type: 'text', nullable: true },
    },
    relations: { model: manyToOne(ENTITY.Model, 'model_id', 'FK_pipeline_runs_model') },
    uniques: [{ name: 'UQ_pipeline_runs_run_model', columns: ['runId', 'modelId'] }],
    checks: [CHECKS.runStatus],
  });

  const Job = new EntitySchema<Rel<JobRow, 'model' | 'pipelineRun'>>({
    name: ENTITY.Job,
    tableName: TABLE.jobs,
    columns: {
      id,
      pipelineRunId: { type: 'integer', name: 'pipeline_run_id', nullable: true },
      modelId: { type: 'integer', name: 'model_id' },
      jobType: { type: 'varchar', length: 16, name: 'job_type' },
      batch: { type: 'varchar', length: 32 },
      // SageMaker job names are at most 63 chars; ARNs at most 256.
      sagemakerName: { type: 'varchar', length: 63, name: 'sagemaker_name' },
      sagemakerArn: { type: 'varchar', length: 256, name: 'sagemaker_arn', nullable: true },
      status: { type: 'varchar', length: 16 },
      secondaryStatus: { type: 'varchar', length: 64, name: 'secondary_status', nullable: true },
      failureReason: { type: 'text', name: 'failure_reason', nullable: true },
      createdAt: { ...ts, name: 'created_at' },
      startedAt: { ...ts, name: 'started_at', nullable: true },
      endedAt: { ...ts, name: 'ended_at', nullable: true },
      updatedAt: { ...ts, name: 'updated_at' },
      metrics: { type: 'simple-json', nullable: true },
    },
    relations: {
      model: manyToOne(ENTITY.Model, 'model_id', 'FK_jobs_model'),
      pipelineRun: manyToOne(ENTITY.PipelineRun, 'pipeline_run_id', 'FK_jobs_pipeline_run'),
    },
    uniques: [{ name: 'UQ_jobs_sagemaker_name', columns: ['sagemakerName'] }],
    indices: [{ name: 'IDX_jobs_pipeline_run', columns: ['pipelineRunId'] }],
    checks: [CHECKS.jobType, jobBatchCheck(dialect), CHECKS.jobStatus],
  });

  const ModelVersion = new EntitySchema<Rel<ModelVersionRow, 'model' | 'trainingJob'>>({
    name: ENTITY.ModelVersion,
    tableName: TABLE.modelVersions,
    columns: {
      id,
      modelId: { type: 'integer', name: 'model_id' },
      version: { type: 'integer' },
      artifactUri: { type: 'varchar', length: 1024, name: 'artifact_uri' },
      trainingJobId: { type: 'integer', name: 'training_job_id', nullable: true },
      approvalStatus: { type: 'varchar', length: 32, name: 'approval_status' },
      approvedAt: { ...ts, name: 'approved_at', nullable: true },
      createdAt: { ...ts, name: 'created_at' },
      updatedAt: { ...ts, name: 'updated_at' },
    },
    relations: {
      model: manyToOne(ENTITY.Model, 'model_id', 'FK_model_versions_model'),
      trainingJob: manyToOne(ENTITY.Job, 'training_job_id', 'FK_model_versions_training_job'),
    },
    uniques: [
      { name: 'UQ_model_versions_model_version', columns: ['modelId', 'version'] },
      { name: 'UQ_model_versions_model_artifact', columns: ['modelId', 'artifactUri'] },
    ],
    checks: [CHECKS.approval],
  });

  const Artifact = new EntitySchema<Rel<ArtifactRow, 'model' | 'producedByJob' | 'pipelineRun'>>({
    name: ENTITY.Artifact,
    tableName: TABLE.artifacts,
    columns: {
      id,
      uri: { type: 'varchar', length: 1024 },
      kind: { type: 'varchar', length: 32 },
      modelId: { type: 'integer', name: 'model_id' },
      producedByJobId: { type: 'integer', name: 'produced_by_job_id', nullable: true },
      pipelineRunId: { type: 'integer', name: 'pipeline_run_id', nullable: true },
      metadata: { type: 'simple-json', nullable: true },
      createdAt: { ...ts, name: 'created_at' },
    },
    relations: {
      model: manyToOne(ENTITY.Model, 'model_id', 'FK_artifacts_model'),
      producedByJob: manyToOne(ENTITY.Job, 'produced_by_job_id', 'FK_artifacts_produced_by_job'),
      pipelineRun: manyToOne(ENTITY.PipelineRun, 'pipeline_run_id', 'FK_artifacts_pipeline_run'),
    },
    uniques: [{ name: 'UQ_artifacts_uri', columns: ['uri'] }],
    checks: [CHECKS.artifactKind],
  });

  const Evaluation = new EntitySchema<Rel<EvaluationRow, 'modelVersion' | 'job' | 'pipelineRun'>>({
    name: ENTITY.Evaluation,
    tableName: TABLE.evaluations,
    columns: {
      id,
      modelVersionId: { type: 'integer', name: 'model_version_id' },
      jobId: { type: 'integer', name: 'job_id', nullable: true },
      pipelineRunId: { type: 'integer', name: 'pipeline_run_id', nullable: true },
      metrics: { type: 'simple-json' },
      thresholds: { type: 'simple-json' },
      checks: { type: 'simple-json' },
      verdict: { type: 'varchar', length: 16 },
      createdAt: { ...ts, name: 'created_at' },
    },
    relations: {
      modelVersion: manyToOne(ENTITY.ModelVersion, 'model_version_id', 'FK_evaluations_model_version'),
      job: manyToOne(ENTITY.Job, 'job_id', 'FK_evaluations_job'),
      pipelineRun: manyToOne(ENTITY.PipelineRun, 'pipeline_run_id', 'FK_evaluations_pipeline_run'),
    },
    uniques: [{ name: 'UQ_evaluations_job', columns: ['jobId'] }],
    checks: [CHECKS.verdict],
  });

  const InferenceRun = new EntitySchema<Rel<InferenceRunRow, 'modelVersion' | 'job' | 'pipelineRun'>>({
    name: ENTITY.InferenceRun,
    tableName: TABLE.inferenceRuns,
    columns: {
      id,
      modelVersionId: { type: 'integer', name: 'model_version_id' },
      jobId: { type: 'integer', name: 'job_id', nullable: true },
      pipelineRunId: { type: 'integer', name: 'pipeline_run_id', nullable: true },
      inputUri: { type: 'varchar', length: 1024, name: 'input_uri' },
      outputUri: { type: 'varchar', length: 1024, name: 'output_uri' },
      status: { type: 'varchar', length: 16 },
      recordCount: { type: 'integer', name: 'record_count', nullable: true },
      createdAt: { ...ts, name: 'created_at' },
      endedAt: { ...ts, name: 'ended_at', nullable: true },
    },
    relations: {
      modelVersion: manyToOne(ENTITY.ModelVersion, 'model_version_id', 'FK_inference_runs_model_version'),
      job: manyToOne(ENTITY.Job, 'job_id', 'FK_inference_runs_job'),
      pipelineRun: manyToOne(ENTITY.PipelineRun, 'pipeline_run_id', 'FK_inference_runs_pipeline_run'),
    },
    uniques: [{ name: 'UQ_inference_runs_job', columns: ['jobId'] }],
    checks: [CHECKS.inferenceStatus],
  });

  const StepCacheEntry = createStepCacheSchema(dialect);

  return {
    Model,
    PipelineRun,
    Job,
    ModelVersion,
    Artifact,
    Evaluation,
    InferenceRun,
    StepCacheEntry,
    ...createExperimentEntitySchemas(dialect),
  };
}

export type EntitySchemas = ReturnType<typeof createEntitySchemas>;
