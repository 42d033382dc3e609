import path from 'node:path';
import { PipelineConfigError } from './config-error';
import { mergeJobSettings } from './job-settings';
import { MODELS_DIR } from './model-files';
import type { MlopsConfig } from './load-config';
import type { ModelConfigData } from './schema';

export type ModelConfig = ModelConfigData & { name: string };
export type S3PrefixKind = keyof ModelConfigData['s3Prefixes'];

/** The named model's section (its `jobs` merged over the environment's), or a PipelineConfigError listing the models the config knows. */
export function getModelConfig(config: MlopsConfig, model: string): ModelConfig {
  const section = Object.prototype.hasOwnProperty.call(config.models, model)
    ? config.models[model]
    : undefined;
  if (!section) {
    const known = Object.keys(config.models).sort();
    throw new PipelineConfigError(
      `Unknown model "${model}" in ${config.file}; known models: ${known.length > 0 ? known.join(', ') : '(none)'}` +
        ` (one file each in ${path.join(path.dirname(config.file), MODELS_DIR)}/)`,
    );
  }
  const jobs = mergeJobSettings(config.jobs, section.jobs);
  return { ...section, name: model, ...(Object.keys(jobs).length > 0 ? { jobs } : {}) };
}

/** `s3://<bucket>/<prefix>` for one of the model's prefixes, always ending with `/`. */
export function modelS3Uri(config: MlopsConfig, model: ModelConfig, kind: S3PrefixKind): string {
  const prefix = model.s3Prefixes[kind];
  return `s3://${config.aws.bucket}/${prefix.endsWith('/') ? prefix : `${prefix}/`}`;
}
