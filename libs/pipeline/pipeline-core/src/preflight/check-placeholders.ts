import { assertNoPlaceholders, PipelineConfigError, MlopsConfig } from '@mlops/config-reader';
import type { Problem } from './problem';

/** The shipped dev/prod examples' `<your-bucket>`, `123456789012`, `*.example.internal`: one problem per field. */
export function checkPlaceholders(config: MlopsConfig): Problem[] {
  try {
    assertNoPlaceholders(config);
    return [];
  } catch (err) {
    if (!(err instanceof PipelineConfigError)) throw err;
    return err.issues.map((i) => ({
      file: i.file,
      field: i.path,
      value: valueAt(config, i.path),
      message: `${i.message.replace(/^still holds/, 'is')}`,
    }));
  }
}

function valueAt(config: MlopsConfig, path: string): string {
  let node: unknown = config;
  for (const seg of path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== ''))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return String(node);
}
