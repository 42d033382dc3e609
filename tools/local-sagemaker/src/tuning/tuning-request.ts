// Stand-in validation for CreateHyperParameterTuningJob until the rule table generated from the API model
// covers it: swap `validateCreateTuningJob`'s model checks for the generated ones; keep the local rules
// (unsupported features, ranges that cannot be searched) here.
import { Checker } from '../validation/checker';
import { validateTags } from '../validation/training-request';
import type { CreateTrainingJobRequest } from '../validation/training-request';
import { CategoricalRange, gridSize, NumericRange, ParameterRanges } from './ranges';

export const TUNING_JOB_NAME = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}';
export const STRATEGIES = ['Bayesian', 'Random', 'Hyperband', 'Grid'] as const;
const SUPPORTED_STRATEGIES = ['Random', 'Grid'];
const SCALING = ['Auto', 'Linear', 'Logarithmic', 'ReverseLogarithmic'] as const;

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

/** Validates a CreateHyperParameterTuningJob request: model constraints, then what local-sagemaker can run.
 *  Throws ValidationException before anything is created. */
export function validateCreateTuningJob(body: Record<string, unknown>): CreateTuningJobRequest {
  const c = new Checker();
  c.string('HyperParameterTuningJobName', body.HyperParameterTuningJobName, {
    required: true,
    min: 1,
    max: 32,
    pattern: TUNING_JOB_NAME,
  });
  const config = c.object('HyperParameterTuningJobConfig', body.HyperParameterTuningJobConfig, true);
  if (config) validateConfig(c, config);
  validateTags(c, body.Tags);
  if (body.TrainingJobDefinitions !== undefined)
    c.add(
      'TrainingJobDefinitions (several algorithms per tuning job) is not supported by local-sagemaker; use TrainingJobDefinition',
    );
  if (body.WarmStartConfig !== undefined)
    c.add('WarmStartConfig is not supported by local-sagemaker: start a tuning job without warm start');
  if (body.Autotune !== undefined) c.add('Autotune is not supported by local-sagemaker');
  const def = c.object(
    'TrainingJobDefinition',
    body.TrainingJobDefinition,
    body.TrainingJobDefinitions === undefined,
  );
  if (def) {
    for (const member of [
      'HyperParameterRanges',
      'TuningObjective',
      'HyperParameterTuningResourceConfig',
      'DefinitionName',
    ])
      if (def[member] !== undefined)
        c.add(
          `TrainingJobDefinition.${member} is not supported by local-sagemaker; set it in HyperParameterTuningJobConfig / ResourceConfig`,
        );
    c.map('TrainingJobDefinition.StaticHyperParameters', def.StaticHyperParameters, {
      max: 100,
      key: { max: 256 },
      value: { max: 2500 },
    });
  }
  c.throwIfInvalid();
  const req = body as unknown as CreateTuningJobRequest;
  checkObjectiveDefined(c, req);
  checkRangesOverlapStatics(c, req);
  c.throwIfInvalid();
  return req;
}

function validateConfig(c: Checker, config: Record<string, unknown>): void {
  const base = 'HyperParameterTuningJobConfig';
  if (c.string(`${base}.Strategy`, config.Strategy, { required: true, enum: STRATEGIES }))
    if (!SUPPORTED_STRATEGIES.includes(config.Strategy as string))
      c.add(
        `${base}.Strategy '${String(config.Strategy)}' is not supported by local-sagemaker; use Random or Grid`,
      );
  if (config.StrategyConfig !== undefined)
    c.add(`${base}.StrategyConfig (Hyperband) is not supported by local-sagemaker`);
  c.string(`${base}.TrainingJobEarlyStoppingType`, config.TrainingJobEarlyStoppingType, {
    enum: ['Off', 'Auto'],
  });
  if (config.TrainingJobEarlyStoppingType === 'Auto')
    c.add(`${base}.TrainingJobEarlyStoppingType 'Auto' is not supported by local-sagemaker; use Off`);
  if (config.TuningJobCompletionCriteria !== undefined)
    c.add(`${base}.TuningJobCompletionCriteria is not supported by local-sagemaker`);
  c.integer(`${base}.RandomSeed`, config.RandomSeed, { min: 0 });

  const objective = c.object(
    `${base}.HyperParameterTuningJobObjective`,
    config.HyperParameterTuningJobObjective,
  );
  if (!objective)
    c.add(`${base}.HyperParameterTuningJobObjective is required for the Random and Grid strategies`);
  else {
    c.string(`${base}.HyperParameterTuningJobObjective.Type`, objective.Type, {
      required: true,
      enum: ['Maximize', 'Minimize'],
    });
    c.string(`${base}.HyperParameterTuningJobObjective.MetricName`, objective.MetricName, {
      required: true,
      min: 1,
      max: 255,
    });
  }

  const limits = c.object(`${base}.ResourceLimits`, config.ResourceLimits, true);
  const ranges = c.object(`${base}.ParameterRanges`, config.ParameterRanges);
  const categorical = ranges ? validateRanges(c, `${base}.ParameterRanges`, ranges) : [];
  if (!limits) return;
  c.integer(`${base}.ResourceLimits.MaxParallelTrainingJobs`, limits.MaxParallelTrainingJobs, {
    required: true,
    min: 1,
  });
  c.integer(`${base}.ResourceLimits.MaxNumberOfTrainingJobs`, limits.MaxNumberOfTrainingJobs, { min: 1 });
  c.integer(`${base}.ResourceLimits.MaxRuntimeInSeconds`, limits.MaxRuntimeInSeconds, {
    min: 120,
    max: 15_768_000,
  });
  if (limits.MaxRuntimeInSeconds !== undefined)
    c.add(`${base}.ResourceLimits.MaxRuntimeInSeconds is not supported by local-sagemaker`);
  if (config.Strategy === 'Grid') {
    if (ranges && (ranges.IntegerParameterRanges ?? ranges.ContinuousParameterRanges) !== undefined)
      c.add(
        'The Grid strategy takes categorical parameter ranges only (IntegerParameterRanges and ContinuousParameterRanges must be empty)',
      );
    const size = gridSize(categorical);
    if (categorical.length === 0)
      c.add('The Grid strategy needs at least one CategoricalParameterRanges entry');
    else if (limits.MaxNumberOfTrainingJobs !== undefined && limits.MaxNumberOfTrainingJobs !== size)
      c.add(
        `${base}.ResourceLimits.MaxNumberOfTrainingJobs ${String(limits.MaxNumberOfTrainingJobs)} must equal the ` +
          `number of grid combinations (${size}) or be omitted`,
      );
  } else if (config.Strategy === 'Random' && limits.MaxNumberOfTrainingJobs === undefined)
    c.add(
      `${base}.ResourceLimits.MaxNumberOfTrainingJobs is required for the Random strategy by local-sagemaker`,
    );
}

/** Returns the categorical ranges that passed, for the Grid size. */
function validateRanges(c: Checker, base: string, ranges: Record<string, unknown>): CategoricalRange[] {
  const names = new Set<string>();
  const named = (path: string, r: Record<string, unknown>) => {
    if (!c.string(`${path}.Name`, r.Name, { required: true, max: 256 })) return;
    if (names.has(r.Name as string))
      c.add(`${base}: hyperparameter '${String(r.Name)}' has more than one range`);
    names.add(r.Name as string);
  };
  for (const kind of ['IntegerParameterRanges', 'ContinuousParameterRanges'] as const) {
    c.list(`${base}.${kind}`, ranges[kind], { max: 30 })?.forEach((raw, i) => {
      const path = `${base}.${kind}.${i + 1}.member`;
      const r = c.object(path, raw, true);
      if (!r) return;
      named(path, r);
      const okMin = c.string(`${path}.MinValue`, r.MinValue, { required: true, max: 256 });
      const okMax = c.string(`${path}.MaxValue`, r.MaxValue, { required: true, max: 256 });
      c.string(`${path}.ScalingType`, r.ScalingType, { enum: SCALING });
      if (okMin && okMax)
        checkBounds(c, path, kind === 'IntegerParameterRanges', r as unknown as NumericRange);
    });
  }
  const categorical: CategoricalRange[] = [];
  c.list(`${base}.CategoricalParameterRanges`, ranges.CategoricalParameterRanges, { max: 30 })?.forEach(
    (raw, i) => {
      const path = `${base}.CategoricalParameterRanges.${i + 1}.member`;
      const r = c.object(path, raw, true);
      if (!r) return;
      named(path, r);
      const values = c.list(`${path}.Values`, r.Values, { required: true, min: 1, max: 30 });
      values?.forEach((v, j) => c.string(`${path}.Values.${j + 1}.member`, v, { required: true, max: 256 }));
      if (values) categorical.push(r as unknown as CategoricalRange);
    },
  );
  return categorical;
}

function checkBounds(c: Checker, path: string, integer: boolean, r: NumericRange): void {
  const min = Number(r.MinValue);
  const max = Number(r.MaxValue);
  const isNumber = (s: string, n: number) =>
    s.trim() !== '' && Number.isFinite(n) && (!integer || Number.isInteger(n));
  const what = integer ? 'an integer' : 'a number';
  if (!isNumber(r.MinValue, min))
    return c.add(`${path}.MinValue '${r.MinValue}' of '${r.Name}' is not ${what}`);
  if (!isNumber(r.MaxValue, max))
    return c.add(`${path}.MaxValue '${r.MaxValue}' of '${r.Name}' is not ${what}`);
  if (min > max)
    return c.add(`${path}: MinValue ${r.MinValue} of '${r.Name}' is greater than MaxValue ${r.MaxValue}`);
  if (r.ScalingType === 'Logarithmic' && min <= 0)
    c.add(`${path}: Logarithmic scaling of '${r.Name}' needs values greater than 0 (MinValue ${r.MinValue})`);
  if (r.ScalingType === 'ReverseLogarithmic' && (integer || min < 0 || max >= 1))
    c.add(
      `${path}: ReverseLogarithmic scaling of '${r.Name}' works only for continuous ranges within 0 <= x < 1`,
    );
}

function checkObjectiveDefined(c: Checker, req: CreateTuningJobRequest): void {
  const metric = req.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName;
  const listed: unknown = req.TrainingJobDefinition.AlgorithmSpecification?.MetricDefinitions;
  // The definition's own shape is checked afterwards, as a trial's CreateTrainingJob.
  const defs = Array.isArray(listed) ? (listed as ({ Name?: unknown } | null)[]) : [];
  if (!defs.some((d) => d?.Name === metric))
    c.add(
      `The objective metric '${metric}' is not one of TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions ` +
        `(${defs.map((d) => String(d?.Name)).join(', ') || 'none'})`,
    );
}

function checkRangesOverlapStatics(c: Checker, req: CreateTuningJobRequest): void {
  const statics = req.TrainingJobDefinition.StaticHyperParameters ?? {};
  const r = req.HyperParameterTuningJobConfig.ParameterRanges ?? {};
  for (const range of [
    ...(r.IntegerParameterRanges ?? []),
    ...(r.ContinuousParameterRanges ?? []),
    ...(r.CategoricalParameterRanges ?? []),
  ])
    if (range.Name in statics)
      c.add(
        `Hyperparameter '${range.Name}' is both static (StaticHyperParameters) and tuned (ParameterRanges)`,
      );
}
