import type { DbDialect } from './db-config';

/**
 * `jobs.batch` is an open name (generated batches) but must be a lowercase slug, the same rule as
 * `BATCH_NAME_PATTERN`. PostgreSQL has regular expressions; SQLite only GLOB, so there the slug rule is
 * spelled as GLOB patterns (starts with a letter, only [a-z0-9-], no trailing or double `-`) plus the
 * varchar(32) length SQLite does not enforce. The migration that creates it spells the same text out.
 */
export function jobBatchCheck(dialect: DbDialect): { name: string; expression: string } {
  return {
    name: 'CHK_jobs_batch_slug',
    expression:
      dialect === 'postgres'
        ? `"batch" ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'`
        : `length("batch") <= 32 AND "batch" GLOB '[a-z]*' AND "batch" NOT GLOB '*[^a-z0-9-]*' AND "batch" NOT GLOB '*-' AND "batch" NOT GLOB '*--*'`,
  };
}
