/** An extra `--name <value>` option of one batch (e.g. collection's `--data-dir`). */
export interface ExtraOption {
  name: string;
  valueName: string;
  description: string;
  /** Shown in --help; the batch applies it (it may depend on the workspace root). */
  defaultText?: string;
}

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
