/**
 * Reading the three training config files the way the toolkit's environment.py does, plus the
 * shape checks Python leaves to a later KeyError (we name the file and key instead).
 */
import { ToolkitConfigError } from './errors';
import { kindOf, readJsonObject } from './files';
import { PyDict, PyValue } from './py-value';
import { jsonDumps } from './python-format';
import { tryParsePythonJson } from './python-json';

/** Reserved keys (params.py SAGEMAKER_HYPERPARAMETERS). */
export const SAGEMAKER_HYPERPARAMETERS = [
  'sagemaker_program',
  'sagemaker_submit_directory',
  'sagemaker_enable_cloudwatch_metrics',
  'sagemaker_region',
  'sagemaker_container_log_level',
  'sagemaker_job_name',
  'default_user_module_name',
  '_tuning_objective_metric',
  'sagemaker_s3_output',
] as const;
export const SAGEMAKER_PREFIX = 'sagemaker_';

export interface DecodedHyperparameters {
  /** Every key, decoded: `json.loads` of each string value, the raw string when that fails. */
  decoded: PyDict;
  /** Every key as written in the file (non-string values, which SageMaker never writes, re-encoded). */
  raw: Record<string, string>;
}

/**
 * `read_hyperparameters()`: each value goes through json.loads; a value that is not JSON (e.g. `abc`,
 * `True`) stays the raw string; non-string values (possible in hand-written files) are kept as is.
 */
export function decodeHyperparameters(file: PyDict): DecodedHyperparameters {
  const decoded: PyDict = new Map();
  const raw: Record<string, string> = {};
  for (const [k, v] of file) {
    if (typeof v === 'string') {
      const parsed = tryParsePythonJson(v);
      decoded.set(k, parsed === undefined ? v : parsed);
      raw[k] = v;
    } else {
      decoded.set(k, v);
      raw[k] = jsonDumps(v);
    }
  }
  return { decoded, raw };
}

export function readHyperparameters(file: string): DecodedHyperparameters {
  return decodeHyperparameters(readJsonObject(file));
}

/** inputdataconfig.json: an object of channel name -> channel object. */
export function readInputDataConfig(file: string): PyDict {
  const config = readJsonObject(file);
  for (const [channel, value] of config) {
    if (!(value instanceof Map)) {
      throw new ToolkitConfigError(file, `channel "${channel}" must be an object, found ${kindOf(value)}`);
    }
  }
  return config;
}

/** resourceconfig.json: `current_host` (string) and `hosts` (non-empty string list) are required. */
export function readResourceConfig(file: string): PyDict {
  const config = readJsonObject(file);
  validateResourceConfig(config, file);
  return config;
}

export function validateResourceConfig(config: PyDict, file: string): void {
  const current = config.get('current_host');
  if (typeof current !== 'string' || current === '') {
    throw new ToolkitConfigError(file, `"current_host" must be a non-empty string, found ${kindOf(current)}`);
  }
  const hosts = config.get('hosts');
  if (!isStringList(hosts) || hosts.length === 0) {
    throw new ToolkitConfigError(file, `"hosts" must be a non-empty list of strings, found ${kindOf(hosts)}`);
  }
  const groups = config.get('instance_groups');
  if (groups === undefined || groups === null) return;
  if (!Array.isArray(groups))
    throw new ToolkitConfigError(file, `"instance_groups" must be a list, found ${kindOf(groups)}`);
  groups.forEach((g, i) => {
    if (!(g instanceof Map)) throw new ToolkitConfigError(file, `"instance_groups[${i}]" must be an object`);
    if (typeof g.get('instance_group_name') !== 'string') {
      throw new ToolkitConfigError(file, `"instance_groups[${i}].instance_group_name" must be a string`);
    }
    if (!isStringList(g.get('hosts'))) {
      throw new ToolkitConfigError(file, `"instance_groups[${i}].hosts" must be a list of strings`);
    }
  });
}

export function isStringList(v: PyValue | undefined): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
