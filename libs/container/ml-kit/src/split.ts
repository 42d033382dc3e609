/** Seeded, deterministic train/validation/test split (stratified by label so small classes appear in every split). */
import { mulberry32, shuffled } from './prng';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

export const DEFAULT_FRACTIONS: SplitFractions = { train: 0.7, validation: 0.15, test: 0.15 };

export interface SplitIndexes {
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Splits row indexes 0..n-1. With `strata` (one key per row) each stratum is split on its own with
 * the same fractions. Output indexes are sorted, so the files keep the raw order (diff-friendly).
 */
export function splitIndexes(
  n: number,
  seed: number,
  fractions: SplitFractions = DEFAULT_FRACTIONS,
  strata?: string[],
): SplitIndexes {
  const rng = mulberry32(seed);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = strata ? strata[i] : '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const out: SplitIndexes = { train: [], validation: [], test: [] };
  for (const key of [...groups.keys()].sort()) {
    const idx = shuffled(groups.get(key) as number[], rng);
    const nTest = Math.round(idx.length * fractions.test);
    const nValidation = Math.round(idx.length * fractions.validation);
    out.test.push(...idx.slice(0, nTest));
    out.validation.push(...idx.slice(nTest, nTest + nValidation));
    out.train.push(...idx.slice(nTest + nValidation));
  }
  const byNumber = (a: number, b: number) => a - b;
  return {
    train: out.train.sort(byNumber),
    validation: out.validation.sort(byNumber),
    test: out.test.sort(byNumber),
  };
}
