import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PipelineConfigError, ConfigIssue } from './config-error';
import { deepMerge, isMapping } from './deep-merge';
import { applyEnvOverrides } from './env-overrides';
import { zodIssuesToConfigIssues } from './format-issues';
import { formatKeyPath, KeyPath } from './key-path';
import { locateModelKey, readModelFiles } from './model-files';
import { locateIn, readYamlFile } from './read-yaml';
import { configSchema, ConfigData, ModelConfigData } from './schema';
import { findLiteralSecrets, resolveSecretReferences } from './secrets';

/** The `models` part of the schema alone (loadModels). */
const modelsOnlySchema = z.object({ models: configSchema.shape.models });

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

/** Reads, overrides, validates and resolves one environment's config. Throws PipelineConfigError (exit code 2). */
export function loadConfig(options: LoadConfigOptions): MlopsConfig {
  const configDir = path.resolve(options.configDir ?? 'configs');
  const processEnv = options.processEnv ?? process.env;
  const { env } = options;
  const file = envFile(configDir, env);

  const { raw, issues, locate } = readMerged(configDir, env, file, processEnv);
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) issues.push(...zodIssuesToConfigIssues(parsed.error.issues, file, locate));
  if (issues.length > 0 || !parsed.success) {
    throw new PipelineConfigError(
      `Invalid config for environment "${env}" (${issues.length} problem(s))`,
      issues,
    );
  }

  const data = parsed.data;
  const secrets = resolveSecretReferences(data, processEnv, file);
  if (secrets.issues.length > 0) {
    throw new PipelineConfigError(
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

/** `<configDir>/<env>.yaml`; a bad name or a missing file is a one-line PipelineConfigError listing the known ones. */
function envFile(configDir: string, env: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(env)) {
    throw new PipelineConfigError(
      `Invalid environment name ${JSON.stringify(env)} for ${configDir}: expected e.g. "local", "dev", "prod"`,
    );
  }
  const file = path.join(configDir, `${env}.yaml`);
  if (!existsSync(file)) {
    const known = listEnvironments(configDir);
    throw new PipelineConfigError(
      `No config for environment "${env}": ${file} does not exist` +
        (known.length > 0
          ? ` (known environments: ${known.join(', ')})`
          : ` (no *.yaml files in ${configDir})`),
    );
  }
  return file;
}

/** One environment's files merged into one tree, with the problems found so far and a key locator. */
interface MergedTree {
  raw: Record<string, unknown>;
  issues: ConfigIssue[];
  /** Where a merged key path was written: file and line, or the MLOPS__ variable that set it. */
  locate: (p: KeyPath) => { file?: string; line?: number; envVar?: string };
}

function readMerged(configDir: string, env: string, file: string, processEnv: NodeJS.ProcessEnv): MergedTree {
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
  const locate: MergedTree['locate'] = (p: KeyPath): { file?: string; line?: number; envVar?: string } => {
    const envVar = overrideByPath.get(formatKeyPath(p));
    return envVar !== undefined ? { envVar } : locateModelKey(p, env, envFile, modelFiles);
  };
  return { raw, issues, locate };
}

/**
 * The models of one environment only (model files merged with the environment file's overrides), each
 * validated like loadConfig does, without the platform sections: for tools that need the models but not
 * the database or its secrets (infra synth). `files` names where each model is defined.
 */
export function loadModels(options: LoadConfigOptions): {
  models: Record<string, ModelConfigData>;
  files: Record<string, string>;
} {
  const configDir = path.resolve(options.configDir ?? 'configs');
  const file = envFile(configDir, options.env);
  const { raw, issues, locate } = readMerged(configDir, options.env, file, options.processEnv ?? process.env);
  const parsed = modelsOnlySchema.safeParse({ models: raw.models }, { reportInput: true });
  // Problems outside `models` (the platform sections, their secrets) are not this caller's concern.
  const modelIssues = issues.filter((i) => i.path === 'models' || i.path.startsWith('models.'));
  if (!parsed.success) modelIssues.push(...zodIssuesToConfigIssues(parsed.error.issues, file, locate));
  if (modelIssues.length > 0 || !parsed.success) {
    throw new PipelineConfigError(
      `Invalid models for environment "${options.env}" (${modelIssues.length} problem(s))`,
      modelIssues,
    );
  }
  const files = Object.fromEntries(
    Object.keys(parsed.data.models).map((name) => [name, locate(['models', name]).file ?? file]),
  );
  return { models: parsed.data.models, files };
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
