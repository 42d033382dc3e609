import type { MlopsConfig } from '@mlops/config-reader';
import { resolveSource } from '../collect/resolve-source';
import { InputError } from '../errors/pipeline-errors';
import type { Problem } from './problem';

/**
 * Each model's `source` as the collection batch will read it: `builtin:<name>` known in the data dir,
 * `file://` present and inside its folder, `s3://` well-formed (reading it needs the network: collection).
 */
export function checkSources(config: MlopsConfig, models: readonly string[], dataDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const model of models) {
    const field = `models.${model}.source`;
    const source = config.models[model].source;
    if (source === undefined) {
      problems.push({
        file: config.file,
        field,
        value: '',
        message: 'is not set; set it to builtin:<dataset>, file:///path or s3://bucket/prefix',
      });
      continue;
    }
    try {
      resolveSource(source, dataDir);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const what = err.message.replace(/^source \S+: /, '');
      problems.push({ file: config.file, field, value: source, message: what });
    }
  }
  return problems;
}
