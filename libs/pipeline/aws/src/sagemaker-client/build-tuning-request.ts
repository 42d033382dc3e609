import type {
  CreateHyperParameterTuningJobCommandInput,
  HyperParameterTrainingJobDefinition,
} from '@aws-sdk/client-sagemaker';
import { validateRequest } from '@mlops/contract';
import { buildTrainingJobRequest } from './build-training-request';
import { SageMakerValidationError, Violation } from './errors';
import { jobTimestamp } from './job-name';
import { mapList, omitUndefined, toTagList } from './request-helpers';
import type { NumericRangeSpec, TuningJobSpec } from './tuning-spec';

declare const validated: unique symbol;

/** A CreateHyperParameterTuningJob input built and validated once by `prepareTuningJob`, sent as is. */
export type PreparedTuningRequest = CreateHyperParameterTuningJobCommandInput & {
  HyperParameterTuningJobName: string;
  readonly [validated]: 'CreateHyperParameterTuningJob';
};

/** HyperParameterTuningJobName has 32 characters at most. */
const TUNING_JOB_NAME_MAX = 32;
/** The training request is built with a stand-in name: a tuning job names its trials itself. */
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

/** Builds and validates against the SageMaker rules of @mlops/contract (the same the local SageMaker applies)
 *  plus what a tuning job of this client needs; throws SageMakerValidationError listing every violation. */
export function prepareTuningJob(spec: TuningJobSpec, name?: string): PreparedTuningRequest {
  const jobName = name ?? makeTuningJobName(spec.baseJobName ?? 'tuning');
  const { request: training, violations } = buildTrainingJobRequest(spec.training, TRIAL_NAME);
  const all: Violation[] = violations.map((v) => ({ ...v, path: `TrainingJobDefinition.${v.path}` }));
  if (spec.training.entrypoint || spec.training.arguments)
    all.push({
      path: 'training.entrypoint/arguments',
      value: spec.training.entrypoint ?? spec.training.arguments,
      constraint:
        'a tuning job cannot set them (not in HyperParameterAlgorithmSpecification): bake them into the image',
    });
  const metrics = (spec.training.metricDefinitions ?? []).map((m) => m.name);
  if (!metrics.includes(spec.objective?.metricName))
    all.push({
      path: 'objective.metricName',
      value: spec.objective?.metricName,
      constraint: `must be one of training.metricDefinitions (${metrics.join(', ') || 'none'})`,
    });
  const request = buildTuningRequest(spec, jobName, training);
  all.push(...validateRequest('CreateHyperParameterTuningJob', request));
  if (all.length > 0) throw new SageMakerValidationError('CreateHyperParameterTuningJob', all);
  return request as PreparedTuningRequest;
}

function buildTuningRequest(
  spec: TuningJobSpec,
  jobName: string,
  training: ReturnType<typeof buildTrainingJobRequest>['request'],
): CreateHyperParameterTuningJobCommandInput {
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
      HyperParameterTuningJobObjective: {
        MetricName: spec.objective?.metricName,
        Type: spec.objective?.type,
      },
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
