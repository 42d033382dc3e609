import { MigrationInterface, QueryRunner, TableCheck } from 'typeorm';

/**
 * Batch names become open (generated batches record their jobs): the closed `CHK_jobs_batch` list of the
 * five seed batches is replaced by `CHK_jobs_batch_slug`, a lowercase-slug rule. Expressions are spelled
 * out (not imported) so this migration stays frozen. On SQLite TypeORM rebuilds the table for a CHECK
 * change, keeping rows, indices and foreign keys.
 */
const SLUG: Record<'postgres' | 'sqlite', string> = {
  postgres: `"batch" ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'`,
  sqlite: `length("batch") <= 32 AND "batch" GLOB '[a-z]*' AND "batch" NOT GLOB '*[^a-z0-9-]*' AND "batch" NOT GLOB '*-' AND "batch" NOT GLOB '*--*'`,
};
const CLOSED_LIST = `"batch" IN ('collection', 'preprocess', 'training', 'evaluation', 'inference')`;

function dialect(q: QueryRunner): 'postgres' | 'sqlite' {
  return q.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

export class OpenBatchNames1764201600000 implements MigrationInterface {
  name = 'OpenBatchNames1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropCheckConstraint('jobs', 'CHK_jobs_batch');
    await q.createCheckConstraint(
      'jobs',
      new TableCheck({ name: 'CHK_jobs_batch_slug', expression: SLUG[dialect(q)] }),
    );
  }

  /** Fails (as it should) while a job row holds a batch outside the five seed batches. */
  async down(q: QueryRunner): Promise<void> {
    await q.dropCheckConstraint('jobs', 'CHK_jobs_batch_slug');
    await q.createCheckConstraint(
      'jobs',
      new TableCheck({ name: 'CHK_jobs_batch', expression: CLOSED_LIST }),
    );
  }
}
