import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Initial schema, written with TypeORM's Table API so the same migration emits correct DDL for SQLite and
 * PostgreSQL. Values are spelled out (not imported from enum/) so this migration stays frozen if enums
 * evolve; a later change gets a new migration.
 */
export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

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
    const str = (name: string, length: number, nullable = false) =>
      col(name, 'varchar', { length: String(length), isNullable: nullable });
    const time = (name: string, nullable = false) => col(name, ts, { isNullable: nullable });
    const fk = (name: string, column: string, table: string): TableForeignKeyOptions => ({
      name,
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
    const jobStatuses = `'InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'`;

    await q.createTable(
      new Table({
        name: 'models',
        columns: [
          id,
          str('name', 128),
          str('team', 64),
          str('task', 32),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'UQ_models_name', columnNames: ['name'] }],
        checks: [{ name: 'CHK_models_task', expression: `"task" IN ('classification', 'regression')` }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'pipeline_runs',
        columns: [
          id,
          str('run_id', 64),
          col('model_id', 'integer'),
          str('environment', 32),
          str('status', 16),
          time('started_at'),
          time('ended_at', true),
          col('error', 'text', { isNullable: true }),
        ],
        uniques: [{ name: 'UQ_pipeline_runs_run_model', columnNames: ['run_id', 'model_id'] }],
        checks: [
          { name: 'CHK_pipeline_runs_status', expression: `"status" IN ('Running', 'Succeeded', 'Failed')` },
        ],
        foreignKeys: [fk('FK_pipeline_runs_model', 'model_id', 'models')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'jobs',
        columns: [
          id,
          col('pipeline_run_id', 'integer', { isNullable: true }),
          col('model_id', 'integer'),
          str('job_type', 16),
          str('batch', 32),
          str('sagemaker_name', 63),
          str('sagemaker_arn', 256, true),
          str('status', 16),
          str('secondary_status', 64, true),
          col('failure_reason', 'text', { isNullable: true }),
          time('created_at'),
          time('started_at', true),
          time('ended_at', true),
          time('updated_at'),
          col('metrics', 'text', { isNullable: true }),
        ],
        uniques: [{ name: 'UQ_jobs_sagemaker_name', columnNames: ['sagemaker_name'] }],
        indices: [{ name: 'IDX_jobs_pipeline_run', columnNames: ['pipeline_run_id'] }],
        checks: [
          { name: 'CHK_jobs_job_type', expression: `"job_type" IN ('Training', 'Processing')` },
          {
            name: 'CHK_jobs_batch',
            expression: `"batch" IN ('collection', 'preprocess', 'training', 'evaluation', 'inference')`,
          },
          { name: 'CHK_jobs_status', expression: `"status" IN (${jobStatuses})` },
        ],
        foreignKeys: [
          fk('FK_jobs_model', 'model_id', 'models'),
          fk('FK_jobs_pipeline_run', 'pipeline_run_id', 'pipeline_runs'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'model_versions',
        columns: [
          id,
          col('model_id', 'integer'),
          col('version', 'integer'),
          str('artifact_uri', 1024),
          col('training_job_id', 'integer', { isNullable: true }),
          str('approval_status', 32),
          time('approved_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [
          { name: 'UQ_model_versions_model_version', columnNames: ['model_id', 'version'] },
          { name: 'UQ_model_versions_model_artifact', columnNames: ['model_id', 'artifact_uri'] },
        ],
        checks: [
          {
            name: 'CHK_model_versions_approval_status',
            expression: `"approval_status" IN ('PendingManualApproval', 'Approved', 'Rejected')`,
          },
        ],
        foreignKeys: [
          fk('FK_model_versions_model', 'model_id', 'models'),
          fk('FK_model_versions_training_job', 'training_job_id', 'jobs'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'artifacts',
        columns: [
          id,
          str('uri', 1024),
          str('kind', 32),
          col('model_id', 'integer'),
          col('produced_by_job_id', 'integer', { isNullable: true }),
          col('pipeline_run_id', 'integer', { isNullable: true }),
          col('metadata', 'text', { isNullable: true }),
          time('created_at'),
        ],
        uniques: [{ name: 'UQ_artifacts_uri', columnNames: ['uri'] }],
        checks: [
          {
            name: 'CHK_artifacts_kind',
            expression:
              `"kind" IN ('raw-data', 'processed-data', 'model', 'checkpoint', 'evaluation-report', 'plot', ` +
              `'predictions', 'output')`,
          },
        ],
        foreignKeys: [
          fk('FK_artifacts_model', 'model_id', 'models'),
          fk('FK_artifacts_produced_by_job', 'produced_by_job_id', 'jobs'),
          fk('FK_artifacts_pipeline_run', 'pipeline_run_id', 'pipeline_runs'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'evaluations',
        columns: [
          id,
          col('model_version_id', 'integer'),
          col('job_id', 'integer', { isNullable: true }),
          col('pipeline_run_id', 'integer', { isNullable: true }),
          col('metrics', 'text'),
          col('thresholds', 'text'),
          col('checks', 'text'),
          str('verdict', 16),
          time('created_at'),
        ],
        uniques: [{ name: 'UQ_evaluations_job', columnNames: ['job_id'] }],
        checks: [{ name: 'CHK_evaluations_verdict', expression: `"verdict" IN ('Passed', 'Failed')` }],
        foreignKeys: [
          fk('FK_evaluations_model_version', 'model_version_id', 'model_versions'),
          fk('FK_evaluations_job', 'job_id', 'jobs'),
          fk('FK_evaluations_pipeline_run', 'pipeline_run_id', 'pipeline_runs'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'inference_runs',
        columns: [
          id,
          col('model_version_id', 'integer'),
          col('job_id', 'integer', { isNullable: true }),
          col('pipeline_run_id', 'integer', { isNullable: true }),
          str('input_uri', 1024),
          str('output_uri', 1024),
          str('status', 16),
          col('record_count', 'integer', { isNullable: true }),
          time('created_at'),
          time('ended_at', true),
        ],
        uniques: [{ name: 'UQ_inference_runs_job', columnNames: ['job_id'] }],
        checks: [{ name: 'CHK_inference_runs_status', expression: `"status" IN (${jobStatuses})` }],
        foreignKeys: [
          fk('FK_inference_runs_model_version', 'model_version_id', 'model_versions'),
          fk('FK_inference_runs_job', 'job_id', 'jobs'),
          fk('FK_inference_runs_pipeline_run', 'pipeline_run_id', 'pipeline_runs'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'inference_runs',
      'evaluations',
      'artifacts',
      'model_versions',
      'jobs',
      'pipeline_runs',
      'models',
    ]) {
      await q.dropTable(table);
    }
  }
}
