import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ConfigIssue } from './config-error';
import { deepMerge, isMapping } from './deep-merge';
import { applyEnvOverrides } from './env-overrides';
import { zodIssuesToConfigIssues } from './format-issues';
import { formatKeyPath, KeyPath } from './key-path';
import { configSchema, ConfigData } from './schema';
import { locateModelKey, readModelFiles } from './model-files';
import { locateIn, readYamlFile } from './read-yaml';
import { findLiteralSecrets, resolveSecretReferences } from './secrets';

export interface LoadConfigOptions {
  /** Environment name: reads `<configDir>/<env>.yaml`. */
  env: string;
  /** Defaults to `./configs` under the current directory. */
  configDir?: string;
  /** Source of `MLOPS__*` overrides and `env:` secret references; defaults to `process.env`. */
  processEnv?: NodeJS.ProcessEnv;
}

export type MlopsConfig = ConfigData & {
  env: string;
  /** Absolute path of the YAML file that was read. */
  file: string;
  /** Relative paths in the file (sqlite path, stateDir, reportDir) are resolved against this dir. */
  baseDir: string;
};

/** Reads, overrides, validates and resolves one environment's config. Throws ConfigError (exit code 2). */
export function loadConfig(options: LoadConfigOptions): MlopsConfig {
  const configDir = path.resolve(options.configDir ?? 'configs');
  const processEnv = options.processEnv ?? process.env;
  const { env } = options;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(env)) {
    throw new ConfigError(
      `Invalid environment name ${JSON.stringify(env)} for ${configDir}: expected e.g. "local", "dev", "prod"`,
    );
  }
  const file = path.join(configDir, `${env}.yaml`);
  if (!existsSync(file)) {
    const known = listEnvironments(configDir);
    throw new ConfigError(
      `No config for environment "${env}": ${file} does not exist` +
        (known.length > 0
          ? ` (known environments: ${known.join(', ')})`
          : ` (no *.yaml files in ${configDir})`),
    );
  }

  const envFile = readYamlFile(file);
  const modelFiles = readModelFiles(configDir, env, listEnvironments(configDir));
  const issues: ConfigIssue[] = findLiteralSecrets(envFile.raw, file).map((i) => ({
    ...i,
    line: locateIn(envFile, i.path.split('.')).line,
  }));
  issues.push(...modelFiles.issues);
  // Model files first, then the environment file's `models.<name>` (platform overrides), then MLOPS__ vars.
  const raw = mergeModels(envFile.raw, modelFiles.sections);
  const overrides = applyEnvOverrides(raw, processEnv, file);
  issues.push(...overrides.issues);

  const overrideByPath = new Map(overrides.applied.map((o) => [o.path, o.envVar]));
  const locate = (p: KeyPath): { file?: string; line?: number; envVar?: string } => {
    const envVar = overrideByPath.get(formatKeyPath(p));
    return envVar !== undefined ? { envVar } : locateModelKey(p, env, envFile, modelFiles);
  };
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) issues.push(...zodIssuesToConfigIssues(parsed.error.issues, file, locate));
  if (issues.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid config for environment "${env}" (${issues.length} problem(s))`, issues);
  }

  const data = parsed.data;
  const secrets = resolveSecretReferences(data, processEnv, file);
  if (secrets.issues.length > 0) {
    throw new ConfigError(
      `Unresolved secret reference(s) in config for environment "${env}"`,
      secrets.issues,
    );
  }

  const baseDir = path.dirname(configDir);
  if (data.db.type === 'sqlite') data.db.path = path.resolve(baseDir, data.db.path);
  data.local.stateDir = path.resolve(baseDir, data.local.stateDir);
  data.reportDir = path.resolve(baseDir, data.reportDir);
  return { ...data, env, file, baseDir };
}

/** Environments available in a config dir (file names without `.yaml`). */
export function listEnvironments(configDir: string): string[] {
  if (!existsSync(configDir)) return [];
  return readdirSync(configDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The model files' sections under `models`, with the environment file's `models.<name>` merged over them. */
function mergeModels(
  envRaw: Record<string, unknown>,
  sections: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const envModels = envRaw.models;
  if (Object.keys(sections).length === 0 || (envModels !== undefined && !isMapping(envModels))) return envRaw;
  return { ...envRaw, models: deepMerge(sections, envModels ?? {}) };
}
