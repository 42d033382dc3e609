import type { Violation } from './check-request';

/** Longest training run the service allows (28 days): stated in the MaxRuntimeInSeconds documentation, not as
 *  a model range. */
export const TRAINING_MAX_RUNTIME_SECONDS = 2_419_200;
/** Processing containers see their inputs and outputs under this folder (developer guide). */
export const PROCESSING_LOCAL_PATH_PREFIX = '/opt/ml/processing/';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const items = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => obj(x) ?? {}) : []);

export interface ServiceRuleOptions {
  /** Channel data sources accepted besides the model's two (the local stack's `FileDataSource`). */
  extraDataSources?: readonly string[];
}

/**
 * Rules the service applies that the model cannot state (member documentation and developer guide: unique
 * channel/input/output/instance group names, one data source per channel, channels sent to instance groups the
 * job has, the processing LocalPath folder, the 28-day runtime, managed spot's wait time), plus the project's rule for custom containers (a non-empty image, and an InstanceType with
 * InstanceCount >= 1 unless InstanceGroups are given). Run after `checkRequest`; same wording.
 */
export function checkServiceRules(
  operation: string,
  input: unknown,
  options: ServiceRuleOptions = {},
): Violation[] {
  const req = obj(input) ?? {};
  if (operation === 'CreateTrainingJob') return trainingRules(req, options);
  if (operation === 'CreateProcessingJob') return processingRules(req);
  return [];
}

function trainingRules(req: Obj, options: ServiceRuleOptions): Violation[] {
  const out: Violation[] = [];
  const algo = obj(req.AlgorithmSpecification);
  if (algo && algo.AlgorithmName === undefined)
    image(out, 'algorithmSpecification.trainingImage', algo.TrainingImage);

  const res = obj(req.ResourceConfig);
  const groups = items(res?.InstanceGroups);
  unique(out, 'resourceConfig.instanceGroups', groups, 'InstanceGroupName');
  if (groups.length && groups.every((g) => g.InstanceCount === 0))
    out.push({
      path: 'resourceConfig.instanceGroups',
      value: res?.InstanceGroups,
      constraint: 'Member must have at least one group with InstanceCount >= 1',
    });
  if (res && res.InstanceGroups === undefined) {
    if (res.InstanceType === undefined) out.push(notNull('resourceConfig.instanceType'));
    if (res.InstanceCount === undefined) out.push(notNull('resourceConfig.instanceCount'));
    else if (typeof res.InstanceCount === 'number' && res.InstanceCount < 1)
      out.push({
        path: 'resourceConfig.instanceCount',
        value: res.InstanceCount,
        constraint: 'Member must have value greater than or equal to 1',
      });
  }

  const runtime = obj(req.StoppingCondition)?.MaxRuntimeInSeconds;
  if (typeof runtime === 'number' && runtime > TRAINING_MAX_RUNTIME_SECONDS)
    out.push({
      path: 'stoppingCondition.maxRuntimeInSeconds',
      value: runtime,
      constraint: `Member must have value less than or equal to ${TRAINING_MAX_RUNTIME_SECONDS}`,
    });

  spotRules(out, req, runtime);

  const sources = ['S3DataSource', 'FileSystemDataSource', ...(options.extraDataSources ?? [])];
  const channels = items(req.InputDataConfig);
  channels.forEach((ch, i) => {
    const ds = obj(ch.DataSource);
    if (!ds) {
      out.push(notNull(`inputDataConfig.${i + 1}.member.dataSource`));
      return;
    }
    const names = obj(ds.S3DataSource)?.InstanceGroupNames;
    const known = groups.map((g) => g.InstanceGroupName);
    if (Array.isArray(names) && names.some((n) => !known.includes(n)))
      out.push({
        path: `inputDataConfig.${i + 1}.member.dataSource.s3DataSource.instanceGroupNames`,
        value: names,
        constraint: 'Member must name instance groups of resourceConfig.instanceGroups',
      });
    const set = sources.filter((s) => ds[s] !== undefined);
    if (set.length !== 1)
      out.push({
        path: `inputDataConfig.${i + 1}.member.dataSource`,
        value: ds,
        constraint: `Member must set exactly one of ${sources.join(', ')}`,
      });
  });
  unique(out, 'inputDataConfig', channels, 'ChannelName');
  channels.forEach((ch, i) => {
    // The model's pattern allows them; as folder names under /opt/ml/input/data they would leave it.
    if (ch.ChannelName === '.' || ch.ChannelName === '..')
      out.push({
        path: `inputDataConfig.${i + 1}.member.channelName`,
        value: ch.ChannelName,
        constraint: "Member must not be '.' or '..' (it would resolve outside /opt/ml/input/data)",
      });
  });
  return out;
}

function processingRules(req: Obj): Violation[] {
  const out: Violation[] = [];
  const app = obj(req.AppSpecification);
  if (app) image(out, 'appSpecification.imageUri', app.ImageUri);
  const inputs = items(req.ProcessingInputs);
  inputs.forEach((input, i) => {
    const path = `processingInputs.${i + 1}.member`;
    const s3 = obj(input.S3Input);
    if (!s3 && input.DatasetDefinition === undefined) out.push(notNull(`${path}.s3Input`));
    if (!s3) return;
    if (s3.LocalPath === undefined && input.AppManaged !== true)
      out.push(notNull(`${path}.s3Input.localPath`));
    localPath(out, `${path}.s3Input.localPath`, s3.LocalPath);
  });
  unique(out, 'processingInputs', inputs, 'InputName');

  const outputs = items(obj(req.ProcessingOutputConfig)?.Outputs);
  outputs.forEach((output, i) => {
    const path = `processingOutputConfig.outputs.${i + 1}.member`;
    const s3 = obj(output.S3Output);
    if (!s3 && output.FeatureStoreOutput === undefined) out.push(notNull(`${path}.s3Output`));
    if (s3) localPath(out, `${path}.s3Output.localPath`, s3.LocalPath);
  });
  unique(out, 'processingOutputConfig.outputs', outputs, 'OutputName');
  return out;
}

/** A custom container needs an image; the model allows an empty string (a built-in algorithm has none). */
function image(out: Violation[], path: string, value: unknown): void {
  if (value === undefined) out.push(notNull(path));
  else if (value === '')
    out.push({ path, value, constraint: 'Member must have length greater than or equal to 1' });
}

function localPath(out: Violation[], path: string, value: unknown): void {
  if (typeof value !== 'string') return;
  if (!value.startsWith(PROCESSING_LOCAL_PATH_PREFIX))
    out.push({ path, value, constraint: `Member must begin with ${PROCESSING_LOCAL_PATH_PREFIX}` });
  else if (value.split('/').some((segment) => segment === '.' || segment === '..'))
    out.push({
      path,
      value,
      constraint: "Member must not have '.' or '..' segments (it would resolve outside /opt/ml)",
    });
}

function unique(out: Violation[], path: string, list: Obj[], member: string): void {
  const seen = new Set<unknown>();
  list.forEach((item, i) => {
    const name = item[member];
    if (name === undefined) return;
    if (seen.has(name))
      out.push({
        path: `${path}.${i + 1}.member.${member[0].toLowerCase()}${member.slice(1)}`,
        value: name,
        constraint: `Member must be unique within ${path}`,
      });
    seen.add(name);
  });
}

const notNull = (path: string): Violation => ({ path, value: null, constraint: 'Member must not be null' });

/**
 * Managed spot training (developer guide, "Managed Spot Training"): MaxWaitTimeInSeconds is required with
 * EnableManagedSpotTraining, allowed only with it, and at least MaxRuntimeInSeconds.
 */
function spotRules(out: Violation[], req: Obj, runtime: unknown): void {
  const spot = req.EnableManagedSpotTraining === true;
  const wait = obj(req.StoppingCondition)?.MaxWaitTimeInSeconds;
  if (spot && wait === undefined)
    out.push({
      path: 'stoppingCondition.maxWaitTimeInSeconds',
      value: wait,
      constraint: 'Member must not be null when enableManagedSpotTraining is true',
    });
  else if (!spot && wait !== undefined)
    out.push({
      path: 'stoppingCondition.maxWaitTimeInSeconds',
      value: wait,
      constraint: 'Member may be set only when enableManagedSpotTraining is true',
    });
  else if (typeof wait === 'number' && typeof runtime === 'number' && wait < runtime)
    out.push({
      path: 'stoppingCondition.maxWaitTimeInSeconds',
      value: wait,
      constraint: 'Member must have value greater than or equal to stoppingCondition.maxRuntimeInSeconds',
    });
}
