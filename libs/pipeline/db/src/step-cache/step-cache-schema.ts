import { EntitySchema } from 'typeorm';
import { id, manyToOne, Rel, timestampType } from '../column-types';
import type { DbDialect } from '../db-config';

/**
 * One content-keyed step of a run (pipeline-core's step cache). A job that ran records the key of its
 * inputs and where its outputs went; a later job with the same key reuses those outputs instead of
 * launching, and records `sourceJobId`: the job that really produced them.
 */
export interface StepCacheRow {
  id: number;
  /** sha256 hex of the step's inputs (pipeline-core `stepCacheKey`). */
  cacheKey: string;
  /** This run's job row (one entry per job). */
  jobId: number;
  /** The job whose outputs were reused; null when this job ran. */
  sourceJobId: number | null;
  /** Output name → S3 URI, where this job's outputs are. */
  outputs: Record<string, string>;
  createdAt: Date;
}

export const STEP_CACHE = { entity: 'StepCacheEntry', table: 'step_cache' } as const;

/** Column and constraint names match migrations/1764288000000-step-cache.ts exactly. */
export function createStepCacheSchema(dialect: DbDialect) {
  return new EntitySchema<Rel<StepCacheRow, 'job' | 'sourceJob'>>({
    name: STEP_CACHE.entity,
    tableName: STEP_CACHE.table,
    columns: {
      id,
      cacheKey: { type: 'varchar', length: 64, name: 'cache_key' },
      jobId: { type: 'integer', name: 'job_id' },
      sourceJobId: { type: 'integer', name: 'source_job_id', nullable: true },
      outputs: { type: 'simple-json' },
      createdAt: { type: timestampType(dialect), name: 'created_at' },
    },
    relations: {
      job: manyToOne('Job', 'job_id', 'FK_step_cache_job'),
      sourceJob: manyToOne('Job', 'source_job_id', 'FK_step_cache_source_job'),
    },
    uniques: [{ name: 'UQ_step_cache_job', columns: ['jobId'] }],
    indices: [{ name: 'IDX_step_cache_key', columns: ['cacheKey'] }],
  });
}
