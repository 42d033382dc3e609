// TypeORM expects the Reflect metadata polyfill to be loaded before it; harmless with EntitySchema.
import 'reflect-metadata';

export * from './enum';
export * from './db-config';
export * from './errors';
export * from './schema';
export { buildDataSourceOptions, connectDataSource } from './data-source';
export type { ConnectOptions } from './data-source';
export { DbAdapter, openDatabase } from './db-adapter';
export type {
  ArtifactFilter,
  CreateModelVersionInput,
  EvaluationFilter,
  InferenceRunFilter,
  JobFilter,
  JobUpdate,
  PipelineRunFilter,
  PipelineRunInput,
  RecordArtifactInput,
  RecordEvaluationInput,
  RecordInferenceRunInput,
  UpsertJobInput,
  UpsertModelInput,
} from './db-adapter';
export { MIGRATIONS } from './migrations';
export type { StepCacheRow } from './step-cache/step-cache-schema';
export type { CachedJobInfo, RecordStepCacheInput, StepCacheHit } from './repositories/step-cache';
