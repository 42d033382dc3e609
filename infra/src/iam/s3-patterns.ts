import { ModelInfo } from '../workspace/models';

/**
 * Key patterns of every run of a model: pipeline-core's run layout (`runLayout`) inserts the run id
 * before the last segment of each configured prefix (`iris/raw/` → `iris/<run-id>/raw/`), so the run id
 * becomes `*`. infra/test/s3-patterns.spec.ts checks this against runLayout itself.
 */
export function runKeyPatterns(model: ModelInfo): string[] {
  return Object.values(model.s3Prefixes)
    .map((prefix) => {
      const segments = prefix.split('/').filter((s) => s !== '');
      return `${[...segments.slice(0, -1), '*', segments[segments.length - 1]].join('/')}/*`;
    })
    .sort();
}
