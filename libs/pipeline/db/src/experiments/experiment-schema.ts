import { EntitySchema } from 'typeorm';
import { id, manyToOne, Rel, timestampType } from '../column-types';
import type { DbDialect } from '../db-config';

// Experiment records: the trials of a hyperparameter tuning job and the metric series of training jobs.
// Both hang off a job row (a trial is a training job the tuning job launched), so status, timings and
// final metrics stay in `jobs` and are written once. Names must match the experiments migration exactly.

export interface TuningTrialRow {
  id: number;
  /** The trial's row in `jobs`. */
  jobId: number;
  pipelineRunId: number | null;
  /** HyperParameterTuningJobName (32 characters at most). */
  tuningJobName: string;
  /** The tuned values SageMaker chose for this trial (TunedHyperParameters). */
  hyperparameters: Record<string, string>;
  objectiveMetric: string;
  /** FinalHyperParameterTuningJobObjectiveMetric, once the trial reported it. */
  objectiveValue: number | null;
  /** The tuning job's BestTrainingJob. */
  best: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface MetricPointRow {
  id: number;
  jobId: number;
  metric: string;
  step: number;
  value: number;
  timestamp: Date;
}

export const EXPERIMENT_ENTITY = { TuningTrial: 'TuningTrial', MetricPoint: 'MetricPoint' } as const;
export const EXPERIMENT_TABLE = { tuningTrials: 'tuning_trials', metricPoints: 'metric_points' } as const;

export function createExperimentEntitySchemas(dialect: DbDialect) {
  const ts = { type: timestampType(dialect) } as const;

  const TuningTrial = new EntitySchema<Rel<TuningTrialRow, 'job' | 'pipelineRun'>>({
    name: EXPERIMENT_ENTITY.TuningTrial,
    tableName: EXPERIMENT_TABLE.tuningTrials,
    columns: {
      id,
      jobId: { type: 'integer', name: 'job_id' },
      pipelineRunId: { type: 'integer', name: 'pipeline_run_id', nullable: true },
      tuningJobName: { type: 'varchar', length: 32, name: 'tuning_job_name' },
      hyperparameters: { type: 'simple-json' },
      objectiveMetric: { type: 'varchar', length: 255, name: 'objective_metric' },
      objectiveValue: { type: 'double precision', name: 'objective_value', nullable: true },
      best: { type: 'boolean' },
      createdAt: { ...ts, name: 'created_at' },
      updatedAt: { ...ts, name: 'updated_at' },
    },
    relations: {
      job: manyToOne('Job', 'job_id', 'FK_tuning_trials_job'),
      pipelineRun: manyToOne('PipelineRun', 'pipeline_run_id', 'FK_tuning_trials_pipeline_run'),
    },
    uniques: [{ name: 'UQ_tuning_trials_job', columns: ['jobId'] }],
    indices: [{ name: 'IDX_tuning_trials_pipeline_run', columns: ['pipelineRunId'] }],
  });

  const MetricPoint = new EntitySchema<Rel<MetricPointRow, 'job'>>({
    name: EXPERIMENT_ENTITY.MetricPoint,
    tableName: EXPERIMENT_TABLE.metricPoints,
    columns: {
      id,
      jobId: { type: 'integer', name: 'job_id' },
      metric: { type: 'varchar', length: 255 },
      step: { type: 'integer' },
      value: { type: 'double precision' },
      timestamp: { ...ts },
    },
    relations: { job: manyToOne('Job', 'job_id', 'FK_metric_points_job') },
    indices: [{ name: 'IDX_metric_points_job', columns: ['jobId'] }],
  });

  return { TuningTrial, MetricPoint };
}
