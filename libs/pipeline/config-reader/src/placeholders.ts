import { PipelineConfigError, ConfigIssue } from './config-error';
import { formatKeyPath } from './key-path';
import type { MlopsConfig } from './load-config';

// `<your-bucket>`-style markers, AWS's documentation account id and the reserved example domains.
const PLACEHOLDER_RE = /<[a-z][a-z0-9-]*>|\b123456789012\b|\bexample\.(?:com|org|net|internal)\b/;

/**
 * The shipped dev/prod files are examples with placeholders such as `<your-bucket>`, the account id
 * `123456789012` and `*.example.internal` hosts; they load (so they
 * can be validated and tested) but must not reach AWS. Call this before starting anything real.
 */
export function assertNoPlaceholders(config: MlopsConfig): void {
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node === 'string') {
      const m = PLACEHOLDER_RE.exec(node);
      if (m) {
        issues.push({
          file: config.file,
          path: formatKeyPath(path),
          message: `still holds the placeholder ${m[0]}; set a real value (or an MLOPS__ override)`,
        });
      }
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  const { aws, db, models } = config;
  walk({ aws, db, models }, []);
  if (issues.length > 0) {
    throw new PipelineConfigError(`Config for environment "${config.env}" has unfilled placeholders`, issues);
  }
}
