import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A model section of `configs/<env>.yaml`, as far as infra needs it. */
export interface ModelInfo {
  name: string;
  /** `s3Prefixes` of the model: bucket-relative key prefixes, e.g. `iris/raw/`. */
  s3Prefixes: Record<string, string>;
}

// The same rule as the config-reader's model names; infra only reads the keys it needs.
const MODEL_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The models of one environment, read from `configs/<env>.yaml` with the `yaml` package (the full schema
 * is validated by @mlops/config-reader when the batches load it; infra needs names and prefixes only).
 */
export function readModels(workspaceRoot: string, env: string): ModelInfo[] {
  const file = join(workspaceRoot, 'configs', `${env}.yaml`);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as Error).message.split('\n')[0]})`);
  }
  const models = (doc as { models?: unknown } | null)?.models;
  if (!models || typeof models !== 'object' || Array.isArray(models) || Object.keys(models).length === 0)
    throw new Error(`${file}: models: expected a non-empty mapping of model sections`);
  return Object.entries(models as Record<string, unknown>)
    .map(([name, section]) => toModel(file, name, section))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function toModel(file: string, name: string, section: unknown): ModelInfo {
  if (!MODEL_NAME.test(name))
    throw new Error(
      `${file}: models.${name}: model name must match ${MODEL_NAME} (it names jobs and IAM resources)`,
    );
  const prefixes = (section as { s3Prefixes?: unknown } | null)?.s3Prefixes;
  if (!prefixes || typeof prefixes !== 'object' || Array.isArray(prefixes))
    throw new Error(`${file}: models.${name}.s3Prefixes: expected a mapping of key prefixes`);
  const s3Prefixes: Record<string, string> = {};
  for (const [kind, value] of Object.entries(prefixes as Record<string, unknown>)) {
    if (
      typeof value !== 'string' ||
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
