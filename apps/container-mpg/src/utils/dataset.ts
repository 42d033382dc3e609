/** The mpg dataset reader: numeric features and a numeric target (the generic reader lives in @mlops/ml-kit). */
import * as kit from '@mlops/ml-kit';
import type { CsvTable, ReadOptions } from '@mlops/ml-kit';

export { parseNumber } from '@mlops/ml-kit';
export type { ReadOptions } from '@mlops/ml-kit';
export type Dataset = kit.Dataset<number>;

const parsers: kit.ColumnParsers<number> = { target: kit.parseNumber };

export function toDataset(
  table: CsvTable,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
): Dataset {
  return kit.toDataset(table, file, features, target, options, parsers);
}

export function readDataset(
  text: string,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
): Dataset {
  return kit.readDataset(text, file, features, target, options, parsers);
}
