import type { NumericRangeSpec, TuningJobSpec } from '@mlops/aws';
import type { ModelConfig, ParameterRangeConfig, TuningConfig } from '@mlops/config-reader';
import type { RunLayout } from '../layout/s3-layout';
import { jobTags } from './job-tags';
import { trainingSpecFor } from './training-spec';

const SCALING = { auto: 'Auto', linear: 'Linear', log: 'Logarithmic' } as const;

/**
 * The HyperParameterTuningJob of a run, from the model's `training.tuning`: every trial is the run's
 * TrainingJob (trainingSpecFor) whose static hyperparameters are the configured ones minus the tuned
 * ones (SageMaker refuses a name that is both static and tuned). Undefined when the model does not tune.
 */
export function tuningSpecFor(input: {
  roleArn: string;
  runId: string;
  model: ModelConfig;
  layout: RunLayout;
}): TuningJobSpec | undefined {
  const tuning = input.model.training.tuning;
  if (!tuning) return undefined;
  const training = trainingSpecFor(input);
  const tuned = new Set(tuning.parameterRanges.map((r) => r.name));
  const statics = Object.fromEntries(
    Object.entries(training.hyperparameters ?? {}).filter(([name]) => !tuned.has(name)),
  );
  return {
    strategy: tuning.strategy,
    objective: { metricName: tuning.objective.metric, type: tuning.objective.type },
    maxTrainingJobs: tuning.maxNumberOfTrainingJobs,
    maxParallelTrainingJobs: tuning.maxParallelTrainingJobs,
    randomSeed: tuning.randomSeed,
    ranges: rangesOf(tuning),
    training: { ...training, hyperparameters: statics },
    tags: jobTags({
      model: input.model.name,
      team: input.model.team,
      runId: input.runId,
      batch: 'training',
    }),
  };
}

function rangesOf(tuning: TuningConfig): TuningJobSpec['ranges'] {
  const of = <T extends ParameterRangeConfig['type']>(type: T) =>
    tuning.parameterRanges.filter((r): r is Extract<ParameterRangeConfig, { type: T }> => r.type === type);
  const numeric = (r: { name: string; min: number; max: number; scaling: keyof typeof SCALING }) =>
    ({ name: r.name, min: r.min, max: r.max, scaling: SCALING[r.scaling] }) satisfies NumericRangeSpec;
  const integer = of('integer').map(numeric);
  const continuous = of('continuous').map(numeric);
  // SageMaker passes categorical values as strings; numbers and booleans are written as the JSON the
  // training toolkit decodes, as for static hyperparameters.
  const categorical = of('categorical').map((r) => ({
    name: r.name,
    values: r.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  }));
  return {
    ...(integer.length > 0 ? { integer } : {}),
    ...(continuous.length > 0 ? { continuous } : {}),
    ...(categorical.length > 0 ? { categorical } : {}),
  };
}
