import type { HyperparameterValue } from './job-spec';

/**
 * SageMaker takes hyperparameters as a string→string map. Strings pass through unchanged; every
 * other value is JSON-encoded (`32`, `0.001`, `true`, `["a","b"]`), which is what the training
 * toolkit decodes (it json-loads each value and falls back to the raw string).
 * Non-finite numbers have no JSON form and are reported instead of silently becoming `null`.
 */
export function stringifyHyperparameters(hps: Record<string, HyperparameterValue>): {
  values: Record<string, string>;
  problems: { key: string; value: unknown; rule: string }[];
} {
  const values: Record<string, string> = {};
  const problems: { key: string; value: unknown; rule: string }[] = [];
  for (const [key, value] of Object.entries(hps)) {
    if (typeof value === 'string') {
      values[key] = value;
      continue;
    }
    const bad = findUnencodable(value);
    if (bad !== undefined) {
      problems.push({ key, value, rule: `must be JSON-encodable (${bad})` });
      continue;
    }
    values[key] = JSON.stringify(value);
  }
  return { values, problems };
}

function findUnencodable(v: unknown): string | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${v} is not a finite number`;
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = findUnencodable(x);
      if (r) return r;
    }
    return undefined;
  }
  if (typeof v === 'object') {
    for (const x of Object.values(v as object)) {
      const r = findUnencodable(x);
      if (r) return r;
    }
    return undefined;
  }
  return `${typeof v} is not a JSON type`;
}
