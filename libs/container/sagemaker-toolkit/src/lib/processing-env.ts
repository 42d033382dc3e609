/**
 * The processing environment: /opt/ml/config/processingjobconfig.json and resourceconfig.json
 * (not /opt/ml/input/config). Inputs and outputs by name -> local path under /opt/ml/processing/.
 */
import * as path from 'node:path';
import { validateResourceConfig } from './environment';
import { ToolkitConfigError } from './errors';
import { kindOf, readJsonObject } from './files';
import { DEFAULT_BASE_DIR, processingPaths, ProcessingPaths, resolveBaseDir } from './paths';
import { JsValue, PyDict, PyValue, toJs } from './py-value';

export interface ProcessingEnv extends ProcessingPaths {
  jobName: string;
  /** ProcessingJobArn (SDK local mode puts the job name here). */
  jobArn: string;
  /** InputName -> local path (under the base dir's processing/ when SAGEMAKER_BASE_DIR is set). */
  inputs: Record<string, string>;
  /** OutputName -> local path. */
  outputs: Record<string, string>;
  /** The request's Environment map. */
  environment: Record<string, string>;
  currentHost: string;
  hosts: string[];
  instanceType: string | null;
  instanceCount: number | null;
  /** The whole processingjobconfig.json as JS data. */
  config: Record<string, JsValue>;
  resourceConfig: Record<string, JsValue>;
}

export interface LoadProcessingEnvOptions {
  baseDir?: string;
  env?: NodeJS.ProcessEnv;
}

const PROCESSING_PREFIX = `${DEFAULT_BASE_DIR}/processing/`;

function field(obj: PyDict, key: string): PyValue | undefined {
  const v = obj.get(key);
  return v === undefined || v === null ? undefined : v;
}

function requireString(obj: PyDict, key: string, file: string, where: string): string {
  const v = field(obj, key);
  if (typeof v !== 'string' || v === '') {
    throw new ToolkitConfigError(file, `"${where}${key}" must be a non-empty string, found ${kindOf(v)}`);
  }
  return v;
}

/**
 * LocalPath must start with /opt/ml/processing/ (API rule). With SAGEMAKER_BASE_DIR set we map
 * /opt/ml onto that base so local runs read the same config unchanged.
 */
function localPath(raw: string, baseDir: string, file: string, where: string): string {
  if (!raw.startsWith(PROCESSING_PREFIX)) {
    throw new ToolkitConfigError(
      file,
      `"${where}LocalPath" must begin with ${PROCESSING_PREFIX}, found "${raw}"`,
    );
  }
  return baseDir === DEFAULT_BASE_DIR ? raw : path.join(baseDir, raw.slice(DEFAULT_BASE_DIR.length));
}

function namedPaths(
  list: PyValue | undefined,
  nameKey: string,
  s3Key: string,
  file: string,
  listName: string,
  baseDir: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (list === undefined) return out;
  if (!Array.isArray(list))
    throw new ToolkitConfigError(file, `"${listName}" must be a list, found ${kindOf(list)}`);
  list.forEach((item, i) => {
    const where = `${listName}[${i}].`;
    if (!(item instanceof Map)) throw new ToolkitConfigError(file, `"${listName}[${i}]" must be an object`);
    const name = requireString(item, nameKey, file, where);
    // S3Input / S3Output, or DatasetDefinition for Athena / Redshift inputs.
    const source = [s3Key, 'DatasetDefinition'].map((k) => item.get(k)).find((v) => v instanceof Map) as
      PyDict | undefined;
    if (!source) throw new ToolkitConfigError(file, `"${where}${s3Key}" is missing`);
    if (name in out) throw new ToolkitConfigError(file, `duplicate ${nameKey} "${name}" in "${listName}"`);
    out[name] = localPath(
      requireString(source, 'LocalPath', file, `${where}${s3Key}.`),
      baseDir,
      file,
      `${where}${s3Key}.`,
    );
  });
  return out;
}

/** Reads the processing config files; throws ToolkitConfigError naming the file and field on bad input. */
export function loadProcessingEnv(options: LoadProcessingEnvOptions = {}): ProcessingEnv {
  const env = options.env ?? process.env;
  const paths = processingPaths(options.baseDir ?? resolveBaseDir(env));
  const file = paths.processingJobConfigFile;
  const config = readJsonObject(file);
  const resourceConfig = readJsonObject(paths.resourceConfigFile);
  validateResourceConfig(resourceConfig, paths.resourceConfigFile);

  const jobName = requireString(config, 'ProcessingJobName', file, '');
  const jobArnValue = config.get('ProcessingJobArn');
  const outputConfig = field(config, 'ProcessingOutputConfig');
  if (outputConfig !== undefined && !(outputConfig instanceof Map)) {
    throw new ToolkitConfigError(
      file,
      `"ProcessingOutputConfig" must be an object, found ${kindOf(outputConfig)}`,
    );
  }
  const environment = field(config, 'Environment') ?? new Map();
  if (!(environment instanceof Map) || [...environment.values()].some((v) => typeof v !== 'string')) {
    throw new ToolkitConfigError(file, `"Environment" must be an object of strings`);
  }
  const cluster = (config.get('ProcessingResources') as PyDict | undefined)?.get?.('ClusterConfig');
  const clusterJs = cluster instanceof Map ? (toJs(cluster) as Record<string, JsValue>) : {};

  return {
    ...paths,
    jobName,
    jobArn: typeof jobArnValue === 'string' ? jobArnValue : jobName,
    inputs: namedPaths(
      field(config, 'ProcessingInputs'),
      'InputName',
      'S3Input',
      file,
      'ProcessingInputs',
      paths.baseDir,
    ),
    outputs: namedPaths(
      outputConfig?.get('Outputs') ?? undefined,
      'OutputName',
      'S3Output',
      file,
      'ProcessingOutputConfig.Outputs',
      paths.baseDir,
    ),
    environment: toJs(environment) as Record<string, string>,
    currentHost: resourceConfig.get('current_host') as string,
    hosts: [...(resourceConfig.get('hosts') as string[])],
    instanceType: typeof clusterJs.InstanceType === 'string' ? clusterJs.InstanceType : null,
    instanceCount: typeof clusterJs.InstanceCount === 'number' ? clusterJs.InstanceCount : null,
    config: toJs(config) as Record<string, JsValue>,
    resourceConfig: toJs(resourceConfig) as Record<string, JsValue>,
  };
}
