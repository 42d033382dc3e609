import type { TrainingJobSpec } from './job-spec';

/** Plain-data spec of a hyperparameter tuning job; maps 1:1 onto CreateHyperParameterTuningJob. */
export interface TuningJobSpec {
  /** Prefix for generated names (`<base>-<yyMMdd-HHmmss>`, 32 characters at most). */
  baseJobName?: string;
  strategy: 'Random' | 'Grid' | 'Bayesian' | 'Hyperband';
  objective: { metricName: string; type: 'Maximize' | 'Minimize' };
  /** Random/Bayesian: how many trials; Grid: omit (one per combination). */
  maxTrainingJobs?: number;
  maxParallelTrainingJobs: number;
  randomSeed?: number;
  ranges: {
    integer?: NumericRangeSpec[];
    continuous?: NumericRangeSpec[];
    categorical?: { name: string; values: string[] }[];
  };
  /** Every trial's training job; its `hyperparameters` are the static ones, `metricDefinitions` must
   *  include the objective. Entrypoint/arguments are not part of a tuning job's algorithm spec. */
  training: TrainingJobSpec;
  tags?: Record<string, string>;
}

export interface NumericRangeSpec {
  name: string;
  min: number;
  max: number;
  scaling?: 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';
}
