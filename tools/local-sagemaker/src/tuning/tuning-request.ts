// CreateHyperParameterTuningJob: the model's rules come from @mlops/contract (validateCreate), the members the
// stack cannot honour from validation/unsupported.ts; here only what needs the request as a whole: ranges that
// cannot be searched, the Grid/Random limits, and an objective the trials can report.
import type { Violation } from '@mlops/contract';
import { validationMessage } from '@mlops/contract';
import type { CreateTrainingJobRequest } from '../jobs/requests';
import { validationError } from '../server/errors';
import { validateCreate } from '../validation/validate';
import { CategoricalRange, gridSize, NumericRange, ParameterRanges } from './ranges';

export interface TuningObjective {
  Type: 'Maximize' | 'Minimize';
  MetricName: string;
}

/** The members a trial's CreateTrainingJob takes over (Omit would drop them: the request has an index signature). */
export type TrainingJobDefinition = Pick<
  CreateTrainingJobRequest,
  | 'RoleArn'
  | 'AlgorithmSpecification'
  | 'InputDataConfig'
  | 'OutputDataConfig'
  | 'ResourceConfig'
  | 'StoppingCondition'
  | 'Environment'
  | 'CheckpointConfig'
> & {
  [other: string]: unknown;
  StaticHyperParameters?: Record<string, string>;
  HyperParameterRanges?: ParameterRanges;
  TuningObjective?: TuningObjective;
};

export interface CreateTuningJobRequest {
  HyperParameterTuningJobName: string;
  HyperParameterTuningJobConfig: {
    Strategy: 'Random' | 'Grid';
    HyperParameterTuningJobObjective: TuningObjective;
    ResourceLimits: {
      MaxNumberOfTrainingJobs?: number;
      MaxParallelTrainingJobs: number;
      MaxRuntimeInSeconds?: number;
    };
    ParameterRanges?: ParameterRanges;
    TrainingJobEarlyStoppingType?: 'Off';
    RandomSeed?: number;
    [other: string]: unknown;
  };
  TrainingJobDefinition: TrainingJobDefinition;
  Tags?: { Key: string; Value: string }[];
  [other: string]: unknown;
}

/** Validates a CreateHyperParameterTuningJob request: the contract's rules and refusals first, then what
 *  local-sagemaker needs to run it. Throws ValidationException before anything is created. */
export function validateCreateTuningJob(body: Record<string, unknown>): CreateTuningJobRequest {
  const req = validateCreate<CreateTuningJobRequest>('CreateHyperParameterTuningJob', body);
  const out: Violation[] = [];
  const add = (path: string, value: unknown, constraint: string) => out.push({ path, value, constraint });
  if (!req.TrainingJobDefinition)
    add('trainingJobDefinition', null, 'local-sagemaker needs TrainingJobDefinition');
  const config = req.HyperParameterTuningJobConfig;
  if (!config.HyperParameterTuningJobObjective)
    add(
      'hyperParameterTuningJobConfig.hyperParameterTuningJobObjective',
      null,
      'is required for the Random and Grid strategies',
    );
  checkRanges(config, add);
  if (out.length === 0) {
    checkObjectiveDefined(req, add);
    checkRangesOverlapStatics(req, add);
  }
  if (out.length) throw validationError(validationMessage(out));
  return req;
}

type Add = (path: string, value: unknown, constraint: string) => void;
const BASE = 'hyperParameterTuningJobConfig';

function checkRanges(config: CreateTuningJobRequest['HyperParameterTuningJobConfig'], add: Add): void {
  const ranges = config.ParameterRanges ?? {};
  const names = new Set<string>();
  const kinds = [
    'IntegerParameterRanges',
    'ContinuousParameterRanges',
    'CategoricalParameterRanges',
  ] as const;
  for (const kind of kinds)
    (ranges[kind] ?? []).forEach((r, i) => {
      const path = `${BASE}.parameterRanges.${kind[0].toLowerCase()}${kind.slice(1)}.${i + 1}.member`;
      if (names.has(r.Name)) add(`${path}.name`, r.Name, 'a hyperparameter has more than one range');
      names.add(r.Name);
      if (kind !== 'CategoricalParameterRanges')
        checkBounds(path, kind === 'IntegerParameterRanges', r as NumericRange, add);
    });
  const limits = config.ResourceLimits;
  const max = limits.MaxNumberOfTrainingJobs;
  if (config.Strategy === 'Grid') {
    if ((ranges.IntegerParameterRanges?.length ?? 0) + (ranges.ContinuousParameterRanges?.length ?? 0) > 0)
      add(`${BASE}.parameterRanges`, ranges, 'the Grid strategy takes categorical parameter ranges only');
    const categorical: CategoricalRange[] = ranges.CategoricalParameterRanges ?? [];
    const size = gridSize(categorical);
    if (categorical.length === 0)
      add(
        `${BASE}.parameterRanges`,
        ranges,
        'the Grid strategy needs at least one CategoricalParameterRanges entry',
      );
    else if (max !== undefined && max !== size)
      add(
        `${BASE}.resourceLimits.maxNumberOfTrainingJobs`,
        max,
        `must equal the number of grid combinations (${size}) or be omitted`,
      );
  } else if (max === undefined)
    add(
      `${BASE}.resourceLimits.maxNumberOfTrainingJobs`,
      null,
      'local-sagemaker needs it for the Random strategy',
    );
}

function checkBounds(path: string, integer: boolean, r: NumericRange, add: Add): void {
  const min = Number(r.MinValue);
  const max = Number(r.MaxValue);
  const isNumber = (s: string, n: number) =>
    s.trim() !== '' && Number.isFinite(n) && (!integer || Number.isInteger(n));
  const what = integer ? 'an integer' : 'a number';
  if (!isNumber(r.MinValue, min)) return add(`${path}.minValue`, r.MinValue, `must be ${what}`);
  if (!isNumber(r.MaxValue, max)) return add(`${path}.maxValue`, r.MaxValue, `must be ${what}`);
  if (min > max)
    return add(`${path}.minValue`, r.MinValue, `must not exceed MaxValue ${r.MaxValue} of '${r.Name}'`);
  if (r.ScalingType === 'Logarithmic' && min <= 0)
    add(`${path}.minValue`, r.MinValue, `Logarithmic scaling of '${r.Name}' needs values greater than 0`);
  if (r.ScalingType === 'ReverseLogarithmic' && (integer || min < 0 || max >= 1))
    add(
      `${path}.scalingType`,
      r.ScalingType,
      `ReverseLogarithmic scaling of '${r.Name}' works only for continuous ranges within 0 <= x < 1`,
    );
}

function checkObjectiveDefined(req: CreateTuningJobRequest, add: Add): void {
  const metric = req.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName;
  const defs = req.TrainingJobDefinition.AlgorithmSpecification?.MetricDefinitions ?? [];
  if (!defs.some((d) => d.Name === metric))
    add(
      `${BASE}.hyperParameterTuningJobObjective.metricName`,
      metric,
      `must be one of TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions (${defs.map((d) => d.Name).join(', ') || 'none'})`,
    );
}

function checkRangesOverlapStatics(req: CreateTuningJobRequest, add: Add): void {
  const statics = req.TrainingJobDefinition.StaticHyperParameters ?? {};
  const r = req.HyperParameterTuningJobConfig.ParameterRanges ?? {};
  for (const range of [
    ...(r.IntegerParameterRanges ?? []),
    ...(r.ContinuousParameterRanges ?? []),
    ...(r.CategoricalParameterRanges ?? []),
  ])
    if (range.Name in statics)
      add(
        'trainingJobDefinition.staticHyperParameters',
        range.Name,
        'a hyperparameter cannot be both static and tuned (ParameterRanges)',
      );
}
