import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigIssue } from './config-error';
import { deepMerge, isMapping } from './deep-merge';
import { formatKeyPath, KeyPath } from './key-path';
import { locateIn, readYamlFile, YamlFile } from './read-yaml';
import { findLiteralSecrets } from './secrets';

/** Model files live in `<configDir>/models/<model>.yaml`, one per model, owned by its team (CODEOWNERS). */
export const MODELS_DIR = 'models';
/** The key of a model file holding per-environment overrides: `env: { dev: { image: … } }`. */
export const ENV_OVERRIDES_KEY = 'env';
export const MODEL_NAME = /^[a-z][a-z0-9-]*$/;

export interface ModelFiles {
  /** Model name → its file's section with `env.<env>` merged in (the `env` key removed). */
  sections: Record<string, Record<string, unknown>>;
  files: Record<string, YamlFile>;
  issues: ConfigIssue[];
}

/**
 * Reads every `<configDir>/models/*.yaml` for one environment. A model file states the model's facts
 * once; `env.<name>` holds only what differs in an environment (image URIs, sizes). Problems are
 * collected as issues naming the model file; unreadable or invalid YAML throws PipelineConfigError.
 */
export function readModelFiles(configDir: string, env: string, environments: string[]): ModelFiles {
  const dir = path.join(configDir, MODELS_DIR);
  const out: ModelFiles = { sections: {}, files: {}, issues: [] };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return out;
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.yaml')) continue;
    const name = entry.slice(0, -'.yaml'.length);
    const file = path.join(dir, entry);
    if (!MODEL_NAME.test(name)) {
      out.issues.push({
        file,
        path: '',
        message: `model file name must be <model>.yaml with a model name like "iris" (${MODEL_NAME}); rename it`,
      });
      continue;
    }
    const y = readYamlFile(file, `models.${name}.`);
    out.files[name] = y;
    out.issues.push(
      ...findLiteralSecrets(y.raw, file).map((i) => ({
        ...i,
        path: `models.${name}.${i.path}`,
        line: locateIn(y, i.path.split('.')).line,
      })),
    );
    const { [ENV_OVERRIDES_KEY]: overrides, ...facts } = y.raw;
    out.sections[name] = facts;
    if (overrides === undefined) continue;
    const at = (p: KeyPath) => ({ file, line: locateIn(y, p).line });
    if (!isMapping(overrides)) {
      out.issues.push({
        ...at([ENV_OVERRIDES_KEY]),
        path: `models.${name}.${ENV_OVERRIDES_KEY}`,
        message: 'expected a mapping of environment name → overrides, e.g. "env: { dev: { image: … } }"',
      });
      continue;
    }
    for (const [envName, section] of Object.entries(overrides)) {
      const keyPath = [ENV_OVERRIDES_KEY, envName];
      if (!environments.includes(envName)) {
        out.issues.push({
          ...at(keyPath),
          path: `models.${name}.${formatKeyPath(keyPath)}`,
          message: `unknown environment (known: ${environments.join(', ')}); there is no ${envName}.yaml beside ${MODELS_DIR}/`,
        });
      } else if (!isMapping(section)) {
        out.issues.push({
          ...at(keyPath),
          path: `models.${name}.${formatKeyPath(keyPath)}`,
          message: 'expected a mapping of the model keys this environment overrides',
        });
      }
    }
    const own = overrides[env];
    if (isMapping(own)) out.sections[name] = deepMerge(facts, own) as Record<string, unknown>;
  }
  return out;
}

/**
 * Where a merged model key was written: the environment file when it sets it (a platform override),
 * else the model file's `env.<env>` section, else the model file itself.
 */
export function locateModelKey(
  keyPath: KeyPath,
  env: string,
  envFile: YamlFile,
  models: ModelFiles,
): { file: string; line?: number } {
  const inEnvFile = locateIn(envFile, keyPath);
  const modelFile = keyPath[0] === 'models' ? models.files[String(keyPath[1])] : undefined;
  if (!modelFile || inEnvFile.found) return { file: envFile.file, line: inEnvFile.line };
  const rest = keyPath.slice(2);
  const inEnvSection = locateIn(modelFile, [ENV_OVERRIDES_KEY, env, ...rest]);
  if (inEnvSection.found) return { file: modelFile.file, line: inEnvSection.line };
  return { file: modelFile.file, line: locateIn(modelFile, rest).line };
}
