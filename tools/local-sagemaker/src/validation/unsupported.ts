import type { Violation } from '@mlops/contract';

/** A member the local stack cannot honour: refused when set (or when `when` holds), naming the member. */
interface Unsupported {
  /** Request member path; `[]` walks every list item. */
  path: string;
  when?: (value: unknown) => boolean;
  why: string;
}

const not = (allowed: string) => (v: unknown) => v !== allowed;
const is = (value: string) => (v: unknown) => v === value;

/**
 * What the local stack refuses. Members it ignores because ignoring them changes no result a job can see
 * (VPC, KMS keys, spot, retry, warm pools, experiments, debugger/profiler hooks, ...) are not here; PARITY.md
 * lists them.
 */
const UNSUPPORTED: Record<string, Unsupported[]> = {
  CreateTrainingJob: [
    { path: 'AlgorithmSpecification.AlgorithmName', why: 'runs custom containers only; set TrainingImage' },
    {
      path: 'AlgorithmSpecification.TrainingInputMode',
      when: is('Pipe'),
      why: 'has no Pipe mode; use File or FastFile',
    },
    { path: 'InputDataConfig[].InputMode', when: is('Pipe'), why: 'has no Pipe mode; use File or FastFile' },
    {
      path: 'InputDataConfig[].CompressionType',
      when: is('Gzip'),
      why: 'does not decompress channels (Gzip is a Pipe mode feature)',
    },
    {
      path: 'InputDataConfig[].DataSource.S3DataSource.S3DataType',
      when: not('S3Prefix'),
      why: 'reads S3Prefix channels only',
    },
    {
      path: 'InputDataConfig[].DataSource.FileSystemDataSource',
      why: 'cannot mount EFS or FSx; use S3 or file://',
    },
    { path: 'OutputDataConfig.CompressionType', when: is('NONE'), why: 'always writes model.tar.gz' },
    { path: 'TensorBoardOutputConfig', why: 'does not upload TensorBoard output' },
    { path: 'DebugRuleConfigurations', why: 'does not run Debugger rule evaluation jobs' },
    { path: 'ProfilerRuleConfigurations', why: 'does not run Profiler rule evaluation jobs' },
  ],
  CreateProcessingJob: [
    { path: 'ProcessingInputs[].DatasetDefinition', why: 'cannot query Athena or Redshift; use S3Input' },
    {
      path: 'ProcessingInputs[].S3Input.S3DataType',
      when: is('ManifestFile'),
      why: 'reads S3Prefix inputs only',
    },
    { path: 'ProcessingInputs[].S3Input.S3InputMode', when: is('Pipe'), why: 'has no Pipe mode; use File' },
    {
      path: 'ProcessingInputs[].S3Input.S3CompressionType',
      when: is('Gzip'),
      why: 'does not decompress inputs (Gzip is a Pipe mode feature)',
    },
    {
      path: 'ProcessingOutputConfig.Outputs[].FeatureStoreOutput',
      why: 'has no Feature Store; use S3Output',
    },
  ],
  CreateHyperParameterTuningJob: [
    {
      path: 'HyperParameterTuningJobConfig.Strategy',
      when: (v) => v !== 'Random' && v !== 'Grid',
      why: 'tunes with the Random and Grid strategies only',
    },
    { path: 'HyperParameterTuningJobConfig.StrategyConfig', why: 'has no Hyperband strategy' },
    {
      path: 'HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType',
      when: is('Auto'),
      why: 'does not stop trials early; use Off',
    },
    { path: 'HyperParameterTuningJobConfig.TuningJobCompletionCriteria', why: 'has no completion criteria' },
    {
      path: 'HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds',
      why: 'has no tuning job runtime limit; set StoppingCondition of the trials',
    },
    { path: 'TrainingJobDefinitions', why: 'runs one TrainingJobDefinition per tuning job' },
    { path: 'WarmStartConfig', why: 'has no warm start' },
    { path: 'Autotune', why: 'has no Autotune' },
    {
      path: 'TrainingJobDefinition.HyperParameterRanges',
      why: 'takes ranges in HyperParameterTuningJobConfig.ParameterRanges',
    },
    {
      path: 'TrainingJobDefinition.TuningObjective',
      why: 'takes the objective in HyperParameterTuningJobConfig',
    },
    {
      path: 'TrainingJobDefinition.HyperParameterTuningResourceConfig',
      why: 'takes ResourceConfig in TrainingJobDefinition',
    },
    { path: 'TrainingJobDefinition.DefinitionName', why: 'runs one TrainingJobDefinition per tuning job' },
  ],
};

/** One violation per set member the local stack cannot honour: `... failed to satisfy constraint: local-sagemaker ...`. */
export function checkUnsupported(operation: string, body: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  for (const rule of UNSUPPORTED[operation] ?? []) {
    for (const [path, value] of walk(body, rule.path.split('.'), '')) {
      if (value === undefined || value === null || (rule.when && !rule.when(value))) continue;
      out.push({ path, value, constraint: `local-sagemaker ${rule.why}` });
    }
  }
  return out;
}

/** The values at a member path, with their request paths in the service's wording (`a.1.member.b`). */
function walk(value: unknown, parts: string[], at: string): [string, unknown][] {
  if (parts.length === 0) return [[at, value]];
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = parts;
  const name = head.replace('[]', '');
  const path = `${at ? `${at}.` : ''}${name[0].toLowerCase()}${name.slice(1)}`;
  const child = (value as Record<string, unknown>)[name];
  if (!head.endsWith('[]')) return walk(child, rest, path);
  return Array.isArray(child) ? child.flatMap((item, i) => walk(item, rest, `${path}.${i + 1}.member`)) : [];
}
