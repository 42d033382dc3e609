import type {
  CreateHyperParameterTuningJobCommandInput,
  HyperParameterTrainingJobDefinition,
} from '@aws-sdk/client-sagemaker';
import { buildTrainingJobRequest } from './build-training-request';
import { SageMakerValidationError, Violation } from './errors';
import { jobTimestamp } from './job-name';
import { mapList, omitUndefined, toTagList } from './request-helpers';
import type { NumericRangeSpec, TuningJobSpec } from './tuning-spec';
import { validateTrainingJobRequest } from './validate-training-request';

/** HyperParameterTuningJobName: 1..32 characters, full match of the service pattern. */
export const TUNING_JOB_NAME_PATTERN = /^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31})$/;
const TUNING_JOB_NAME_MAX = 32;
/** Trials' names are checked with this stand-in (the real ones add `-NNN-<8 hex>`, 45 characters at most). */
const TRIAL_NAME = 'trial-placeholder';

/** `<base>-<yyMMdd-HHmmss>`: the short timestamp, as a tuning job name has 32 characters only. */
export function makeTuningJobName(base: string, now: Date = new Date()): string {
  const ts = jobTimestamp(now)
    .slice(2, 19)
    .replace(/^(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)$/, '$1$2$3-$4$5$6');
  const cleaned = String(base)
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, TUNING_JOB_NAME_MAX - ts.length - 1)
    .replace(/-+$/, '');
  if (cleaned === '')
    throw new Error(`makeTuningJobName: base ${JSON.stringify(base)} has no letters or digits`);
  return `${cleaned}-${ts}`;
}

const range = (r: NumericRangeSpec) =>
  omitUndefined({ Name: r.name, MinValue: String(r.min), MaxValue: String(r.max), ScalingType: r.scaling });

/** Builds and validates; throws SageMakerValidationError listing every violation, before any call. */
export function prepareTuningJob(
  spec: TuningJobSpec,
  jobName: string,
): CreateHyperParameterTuningJobCommandInput {
  const { request: training, violations } = buildTrainingJobRequest(spec.training, TRIAL_NAME);
  const all: Violation[] = [...violations, ...validateTrainingJobRequest(training)].map((v) => ({
    ...v,
    path: `TrainingJobDefinition.${v.path}`,
  }));
  if (!TUNING_JOB_NAME_PATTERN.test(jobName))
    all.push({
      path: 'HyperParameterTuningJobName',
      value: jobName,
      rule: `1..32 characters, ${TUNING_JOB_NAME_PATTERN.source}`,
    });
  if (spec.training.entrypoint || spec.training.arguments)
    all.push({
      path: 'training.entrypoint/arguments',
      value: spec.training.entrypoint ?? spec.training.arguments,
      rule: 'a tuning job cannot set them (not in HyperParameterAlgorithmSpecification): bake them into the image',
    });
  const metrics = (spec.training.metricDefinitions ?? []).map((m) => m.name);
  if (!metrics.includes(spec.objective?.metricName))
    all.push({
      path: 'objective.metricName',
      value: spec.objective?.metricName,
      rule: `must be one of training.metricDefinitions (${metrics.join(', ') || 'none'})`,
    });
  if (!(Number.isInteger(spec.maxParallelTrainingJobs) && spec.maxParallelTrainingJobs >= 1))
    all.push({
      path: 'maxParallelTrainingJobs',
      value: spec.maxParallelTrainingJobs,
      rule: 'an integer >= 1',
    });
  if (
    spec.maxTrainingJobs !== undefined &&
    !(Number.isInteger(spec.maxTrainingJobs) && spec.maxTrainingJobs >= 1)
  )
    all.push({ path: 'maxTrainingJobs', value: spec.maxTrainingJobs, rule: 'an integer >= 1' });
  if (all.length > 0) throw new SageMakerValidationError('CreateHyperParameterTuningJob', all);

  const { HyperParameters, AlgorithmSpecification, TrainingJobName: _n, Tags: _t, ...rest } = training;
  const definition: HyperParameterTrainingJobDefinition = omitUndefined({
    ...rest,
    StaticHyperParameters: HyperParameters,
    AlgorithmSpecification: omitUndefined({
      TrainingImage: AlgorithmSpecification?.TrainingImage,
      TrainingInputMode: AlgorithmSpecification?.TrainingInputMode ?? 'File',
      MetricDefinitions: AlgorithmSpecification?.MetricDefinitions,
    }),
  }) as HyperParameterTrainingJobDefinition;
  return omitUndefined({
    HyperParameterTuningJobName: jobName,
    HyperParameterTuningJobConfig: omitUndefined({
      Strategy: spec.strategy,
      HyperParameterTuningJobObjective: { MetricName: spec.objective.metricName, Type: spec.objective.type },
      ResourceLimits: omitUndefined({
        MaxNumberOfTrainingJobs: spec.maxTrainingJobs,
        MaxParallelTrainingJobs: spec.maxParallelTrainingJobs,
      }),
      ParameterRanges: omitUndefined({
        IntegerParameterRanges: mapList(spec.ranges.integer, range),
        ContinuousParameterRanges: mapList(spec.ranges.continuous, range),
        CategoricalParameterRanges: mapList(spec.ranges.categorical, (r) => ({
          Name: r.name,
          Values: r.values,
        })),
      }),
      TrainingJobEarlyStoppingType: 'Off' as const,
      RandomSeed: spec.randomSeed,
    }),
    TrainingJobDefinition: definition,
    Tags: toTagList(spec.tags),
  });
}
