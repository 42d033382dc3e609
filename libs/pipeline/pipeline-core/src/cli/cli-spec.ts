/** An extra `--name <value>` option of one batch (e.g. collection's `--data-dir`). */
export interface ExtraOption {
  name: string;
  valueName: string;
  description: string;
  /** Shown in --help; the batch applies it (it may depend on the workspace root). */
  defaultText?: string;
}

/** An option every batch takes: parsed by `parseCli`, listed by `formatUsage` in this order. */
export interface CommonOption {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** Shown as `--name <valueName>`; string options only. */
  valueName?: string;
  description: string;
  defaultText?: string;
}

/** The common options, written once for the parser and the --help text; a new flag is one row here. */
export const COMMON_OPTIONS: readonly CommonOption[] = [
  {
    name: 'model',
    type: 'string',
    valueName: 'name',
    description: 'model section of the config to run (e.g. iris)',
  },
  {
    name: 'all-models',
    type: 'boolean',
    description: 'run for every model in the config, one after the other',
  },
  {
    name: 'run-id',
    type: 'string',
    valueName: 'id',
    description: 'pipeline run id (lowercase letters, digits, "-"; max 32); reuse it to resume',
  },
  {
    name: 'env',
    type: 'string',
    valueName: 'name',
    description: 'config environment: configs/<env>.yaml',
    defaultText: 'local',
  },
  {
    name: 'config-dir',
    type: 'string',
    valueName: 'dir',
    description: 'directory holding <env>.yaml',
    defaultText: '<workspace>/configs',
  },
  {
    name: 'no-cache',
    type: 'boolean',
    description: "launch the job even when an earlier run's step had the same inputs (step cache)",
  },
];

/** Last in the usage, after the batch's extra options. */
export const LAST_OPTIONS: readonly CommonOption[] = [
  {
    name: 'migrate-only',
    type: 'boolean',
    description: 'apply the database migrations of <env>.yaml and exit (takes only --env, --config-dir)',
  },
  { name: 'help', type: 'boolean', short: 'h', description: 'show this help' },
];

/** What a batch tells the CLI parser about itself. */
export interface BatchCliSpec {
  /** Program name shown in usage, e.g. `pipeline-training`. */
  command: string;
  summary: string;
  extraOptions?: readonly ExtraOption[];
}

/**
 * Parsed command line; `--help` wins over everything else. `--migrate-only` (with only `--env` and
 * `--config-dir`) applies the DB migrations and exits: the one-off migration task on AWS.
 */
export type ParsedCli =
  | { help: true }
  | { help: false; migrateOnly: { env: string; configDir: string } }
  | { help: false; migrateOnly?: undefined; options: CliOptions };

export interface CliOptions {
  /** Set unless `allModels`. */
  model?: string;
  allModels: boolean;
  env: string;
  runId: string;
  configDir: string;
  /** `--no-cache`: launch every job even when an earlier run's step has the same content key. */
  noCache: boolean;
  /** Values of the batch's extra options that were given. */
  extra: Record<string, string>;
}
