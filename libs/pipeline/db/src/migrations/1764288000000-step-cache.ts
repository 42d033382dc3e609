import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The step cache (pipeline-core's content-keyed caching): one row per job with the key of its inputs and
 * where its outputs are; a reused job points at the job that produced them. Names are spelled out so
 * this migration stays frozen.
 */
export class StepCache1764288000000 implements MigrationInterface {
  name = 'StepCache1764288000000';

  async up(q: QueryRunner): Promise<void> {
    const ts = q.connection.driver.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const fk = (name: string, column: string) => ({
      name,
      columnNames: [column],
      referencedTableName: 'jobs',
      referencedColumnNames: ['id'],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
    await q.createTable(
      new Table({
        name: 'step_cache',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'cache_key', type: 'varchar', length: '64', isNullable: false },
          { name: 'job_id', type: 'integer', isNullable: false },
          { name: 'source_job_id', type: 'integer', isNullable: true },
          { name: 'outputs', type: 'text', isNullable: false },
          { name: 'created_at', type: ts, isNullable: false },
        ],
        uniques: [{ name: 'UQ_step_cache_job', columnNames: ['job_id'] }],
        indices: [{ name: 'IDX_step_cache_key', columnNames: ['cache_key'] }],
        foreignKeys: [fk('FK_step_cache_job', 'job_id'), fk('FK_step_cache_source_job', 'source_job_id')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('step_cache');
  }
}
