import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgv } from '@mlops/contract';
import { LocalPipelineUsageError } from './usage-error';

export type RuntimeOption = 'auto' | 'docker' | 'process';
/** How the batches run: host processes of their bundles, or containers of their images. */
export type BatchesOption = 'process' | 'docker';

export interface CliOptions {
  help: boolean;
  env: string;
  /** Undefined = every model in the config. */
  models?: string[];
  /** Undefined = `local.runtime` from the config. */
  runtime?: RuntimeOption;
  /** Undefined = process. */
  batches?: BatchesOption;
  /** Undefined = a new id. */
  runId?: string;
  /** `--no-cache`: the step cache is off for this run (every job launches). */
  noCache?: boolean;
  /** Models run side by side; undefined = 1. */
  parallel?: number;
  configDir: string;
}

const RUNTIMES: readonly RuntimeOption[] = ['auto', 'docker', 'process'];
const BATCHES: readonly BatchesOption[] = ['process', 'docker'];
// Job names are built from it (SageMaker: [a-zA-Z0-9-], at most 63 chars), so keep it short and plain.
const RUN_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}$/;
const MODEL = /^[a-z][a-z0-9-]*$/;

/** One setter per option that takes a value (`--<key>`); it checks the value and names the option when it is bad. */
const SETTERS: Record<string, (options: CliOptions, value: string) => void> = {
  env: (options, value) => {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(value))
      throw new LocalPipelineUsageError(`--env: invalid environment name ${JSON.stringify(value)}`);
    options.env = value;
  },
  models: (options, value) => {
    options.models = parseModels(value);
  },
  runtime: (options, value) => {
    if (!RUNTIMES.includes(value as RuntimeOption))
      throw new LocalPipelineUsageError(
        `--runtime: expected one of ${RUNTIMES.join(', ')}, got ${JSON.stringify(value)}`,
      );
    options.runtime = value as RuntimeOption;
  },
  batches: (options, value) => {
    if (!BATCHES.includes(value as BatchesOption))
      throw new LocalPipelineUsageError(
        `--batches: expected one of ${BATCHES.join(', ')}, got ${JSON.stringify(value)}`,
      );
    options.batches = value as BatchesOption;
  },
  'run-id': (options, value) => {
    if (!RUN_ID.test(value))
      throw new LocalPipelineUsageError(
        `--run-id: expected 1-32 letters, digits or '-' (not starting with '-'), got ${JSON.stringify(value)}`,
      );
    options.runId = value;
  },
  parallel: (options, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 16)
      throw new LocalPipelineUsageError(`--parallel: expected an integer 1-16, got ${JSON.stringify(value)}`);
    options.parallel = n;
  },
  'config-dir': (options, value) => {
    if (value === '') throw new LocalPipelineUsageError('--config-dir: must not be empty');
    options.configDir = value;
  },
};

/** Parses `--flag value` and `--flag=value`. Unknown flags and bad values are LocalPipelineUsageErrors naming them. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const flags = Object.keys(SETTERS);
  const spec: ParseArgsOptionsConfig = {
    ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
    'no-cache': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  const { values } = parseArgv(argv, { options: spec }, (message) => new LocalPipelineUsageError(message));
  const options: CliOptions = { help: values.help === true, env: 'local', configDir: 'configs' };
  if (values['no-cache'] === true) options.noCache = true;
  for (const f of flags) {
    const value = values[f];
    if (typeof value === 'string') SETTERS[f](options, value);
  }
  return options;
}

function parseModels(value: string): string[] {
  const models = value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (models.length === 0)
    throw new LocalPipelineUsageError('--models: give at least one model, e.g. --models iris,mpg');
  for (const m of models)
    if (!MODEL.test(m))
      throw new LocalPipelineUsageError(`--models: invalid model name ${JSON.stringify(m)}`);
  return [...new Set(models)];
}
