import { z } from 'zod';

/**
 * An instance type of the official SageMaker enum (the @mlops/contract table, generated from the API
 * model), so `ml.m5.huge` fails at config load, not after earlier jobs ran. The message names the closest
 * valid values: usually the typo's intended type.
 */
export function instanceTypeOf(valid: readonly string[], kind: string) {
  const known = new Set(valid);
  return z.string().superRefine((value, ctx) => {
    if (known.has(value)) return;
    ctx.addIssue({
      code: 'custom',
      message: `expected a SageMaker ${kind} instance type; closest valid: ${closest(value, valid).join(', ')}`,
      input: value,
    });
  });
}

/** The `count` values nearest to `value`: same family (`ml.m5.`) first, then by edit distance. */
export function closest(value: string, valid: readonly string[], count = 3): string[] {
  const family = value.split('.').slice(0, 2).join('.') + '.';
  return valid
    .map((v) => ({ v, rank: (v.startsWith(family) ? 0 : 1000) + editDistance(value, v) }))
    .sort((a, b) => a.rank - b.rank || (a.v < b.v ? -1 : 1))
    .slice(0, count)
    .map((c) => c.v);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
