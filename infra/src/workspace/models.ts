import { join } from 'node:path';
import { loadModels } from '@mlops/config-reader';

/** A model of one environment, as far as infra needs it. */
export interface ModelInfo {
  name: string;
  /** `s3Prefixes` of the model: bucket-relative key prefixes, e.g. `iris/raw/`. */
  s3Prefixes: Record<string, string>;
}

/**
 * The models of one environment: `configs/models/<model>.yaml` merged with `configs/<env>.yaml` by
 * @mlops/config-reader (the same merge and validation the batches get; no database secret needed).
 * Prefixes become IAM resource patterns, so they are held to a stricter shape here.
 */
export function readModels(workspaceRoot: string, env: string): ModelInfo[] {
  const configDir = join(workspaceRoot, 'configs');
  const { models, files } = loadModels({ env, configDir, processEnv: {} });
  const names = Object.keys(models).sort();
  if (names.length === 0)
    throw new Error(
      `${join(configDir, 'models')}: no model files (configs/models/<model>.yaml) for "${env}"`,
    );
  return names.map((name) => toModel(files[name] ?? configDir, name, models[name].s3Prefixes));
}

function toModel(file: string, name: string, prefixes: Record<string, string>): ModelInfo {
  const s3Prefixes: Record<string, string> = {};
  for (const [kind, value] of Object.entries(prefixes)) {
    if (
      !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/.test(value) ||
      value.split('/').some((s) => s === '..' || s === '.')
    )
      throw new Error(
        `${file}: models.${name}.s3Prefixes.${kind}: expected a key prefix like "${name}/${kind}/", got ${JSON.stringify(value)}`,
      );
    s3Prefixes[kind] = value;
  }
  return { name, s3Prefixes };
}
