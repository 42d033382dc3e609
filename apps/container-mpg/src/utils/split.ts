/** Seeded, deterministic train/validation/test split of row indexes. */
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

/** Splits 0..n-1 after a seeded shuffle. Output indexes are sorted, so the files keep the raw order. */
export function splitIndexes(
  n: number,
  seed: number,
  fractions: SplitFractions = DEFAULT_FRACTIONS,
): SplitIndexes {
  const idx = shuffled(
    Array.from({ length: n }, (_, i) => i),
    mulberry32(seed),
  );
  const nTest = Math.round(n * fractions.test);
  const nValidation = Math.round(n * fractions.validation);
  const byNumber = (a: number, b: number) => a - b;
  return {
    test: idx.slice(0, nTest).sort(byNumber),
    validation: idx.slice(nTest, nTest + nValidation).sort(byNumber),
    train: idx.slice(nTest + nValidation).sort(byNumber),
  };
}
