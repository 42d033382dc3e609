import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Experiment records: `tuning_trials` (one row per trial of a tuning job, hanging off the trial's job
 * row) and `metric_points` (a training job's metric series). Spelled out, not imported, so it stays frozen.
 */
export class Experiments1764806400000 implements MigrationInterface {
  name = 'Experiments1764806400000';

  async up(q: QueryRunner): Promise<void> {
    const ts = q.connection.driver.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const col = (
      name: string,
      type: string,
      extra: Partial<TableColumnOptions> = {},
    ): TableColumnOptions => ({
      name,
      type,
      isNullable: false,
      ...extra,
    });
    const fk = (name: string, column: string, table: string): TableForeignKeyOptions => ({
      name,
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });

    await q.createTable(
      new Table({
        name: 'tuning_trials',
        columns: [
          id,
          col('job_id', 'integer'),
          col('pipeline_run_id', 'integer', { isNullable: true }),
          col('tuning_job_name', 'varchar', { length: '32' }),
          col('hyperparameters', 'text'),
          col('objective_metric', 'varchar', { length: '255' }),
          col('objective_value', 'double precision', { isNullable: true }),
          col('best', 'boolean'),
          col('created_at', ts),
          col('updated_at', ts),
        ],
        uniques: [{ name: 'UQ_tuning_trials_job', columnNames: ['job_id'] }],
        indices: [{ name: 'IDX_tuning_trials_pipeline_run', columnNames: ['pipeline_run_id'] }],
        foreignKeys: [
          fk('FK_tuning_trials_job', 'job_id', 'jobs'),
          fk('FK_tuning_trials_pipeline_run', 'pipeline_run_id', 'pipeline_runs'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'metric_points',
        columns: [
          id,
          col('job_id', 'integer'),
          col('metric', 'varchar', { length: '255' }),
          col('step', 'integer'),
          col('value', 'double precision'),
          col('timestamp', ts),
        ],
        indices: [{ name: 'IDX_metric_points_job', columnNames: ['job_id'] }],
        foreignKeys: [fk('FK_metric_points_job', 'job_id', 'jobs')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('metric_points');
    await q.dropTable('tuning_trials');
  }
}
