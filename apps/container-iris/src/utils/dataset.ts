/** The iris dataset reader: numeric features and a string label (the generic reader lives in @mlops/ml-kit). */
import * as kit from '@mlops/ml-kit';

export type { ReadOptions } from '@mlops/ml-kit';
export type Dataset = kit.Dataset<string>;

/** Strict number; a blank cell is reported as "is not a number" (the iris data has no missing values). */
export function parseNumber(raw: string, file: string, line: number, column: string): number {
  return kit.parseNumber(raw, file, line, column, false);
}

export const { toDataset, readDataset } = kit.datasetReader({ target: kit.parseLabel, feature: parseNumber });
