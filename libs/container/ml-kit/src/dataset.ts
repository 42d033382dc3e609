/**
 * Typed rows from a CSV table: numeric features plus a target parsed by the model (label or number),
 * with errors naming file/line/column so they can stand alone as a job's FailureReason.
 */
import { CsvTable, parseCsv } from './csv';
import { DataError } from './errors';

export interface Dataset<Y> {
  features: string[];
  /** One row of feature values per sample. */
  X: number[][];
  /** Target values, when the table has the target column (undefined otherwise). */
  y: Y[] | undefined;
  /** 1-based CSV line of each sample. */
  lines: number[];
  /** Rows skipped because a needed value was empty (only with `dropMissing`). */
  dropped: number;
}

export interface ReadOptions {
  /** The target column must be present (training data) or may be absent (inference input). */
  requireTarget: boolean;
  /** Do not read the target even when present (inference input may carry an empty or stale target column). */
  ignoreTarget?: boolean;
  /** Skip rows with an empty feature/target value instead of failing (raw data only). */
  dropMissing?: boolean;
}

/** Parses one cell; throws a DataError naming file, line and column. */
export type CellParser<T> = (raw: string, file: string, line: number, column: string) => T;

export interface ColumnParsers<Y> {
  target: CellParser<Y>;
  /** Defaults to `parseNumber`. */
  feature?: CellParser<number>;
}

export function columnIndex(table: CsvTable, file: string, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new DataError(file, `missing column "${name}" (header: ${table.header.join(',')})`);
  return i;
}

/**
 * Parses a number strictly: `Number('')` is 0 and `parseFloat('1x')` is 1, neither is acceptable here.
 * `nameMissing` says "is empty (missing value)" for a blank cell instead of "is not a number".
 */
export function parseNumber(
  raw: string,
  file: string,
  line: number,
  column: string,
  nameMissing = true,
): number {
  const s = raw.trim();
  const n = s === '' ? NaN : Number(s);
  if (!Number.isFinite(n)) {
    const what = s === '' && nameMissing ? 'is empty (missing value)' : 'is not a number';
    throw new DataError(file, `line ${line}, column "${column}": ${JSON.stringify(raw)} ${what}`);
  }
  return n;
}

/** A class label: trimmed, never empty. */
export function parseLabel(raw: string, file: string, line: number, column: string): string {
  const label = raw.trim();
  if (label === '') throw new DataError(file, `line ${line}, column "${column}": empty label`);
  return label;
}

export function toDataset<Y>(
  table: CsvTable,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
  parsers: ColumnParsers<Y>,
): Dataset<Y> {
  const parseFeature = parsers.feature ?? parseNumber;
  const featureIdx = features.map((f) => columnIndex(table, file, f));
  const hasTarget = !options.ignoreTarget && table.header.includes(target);
  if (options.requireTarget && !hasTarget) columnIndex(table, file, target);
  const targetIdx = hasTarget ? table.header.indexOf(target) : -1;
  if (table.rows.length === 0) throw new DataError(file, 'no data rows after the header');
  const used = hasTarget ? [...featureIdx, targetIdx] : featureIdx;
  const X: number[][] = [];
  const y: Y[] = [];
  const lines: number[] = [];
  let dropped = 0;
  for (const row of table.rows) {
    if (options.dropMissing && used.some((c) => row.values[c].trim() === '')) {
      dropped++;
      continue;
    }
    X.push(featureIdx.map((c, k) => parseFeature(row.values[c], file, row.line, features[k])));
    if (hasTarget) y.push(parsers.target(row.values[targetIdx], file, row.line, target));
    lines.push(row.line);
  }
  return { features: [...features], X, y: hasTarget ? y : undefined, lines, dropped };
}

export function readDataset<Y>(
  text: string,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
  parsers: ColumnParsers<Y>,
): Dataset<Y> {
  return toDataset(parseCsv(text, file), file, features, target, options, parsers);
}

export interface DatasetReader<Y> {
  toDataset(
    table: CsvTable,
    file: string,
    features: readonly string[],
    target: string,
    options: ReadOptions,
  ): Dataset<Y>;
  readDataset(
    text: string,
    file: string,
    features: readonly string[],
    target: string,
    options: ReadOptions,
  ): Dataset<Y>;
}

/** `toDataset` / `readDataset` bound to a model's column parsers (what each app's dataset module exports). */
export function datasetReader<Y>(parsers: ColumnParsers<Y>): DatasetReader<Y> {
  return {
    toDataset: (table, file, features, target, options) =>
      toDataset(table, file, features, target, options, parsers),
    readDataset: (text, file, features, target, options) =>
      readDataset(text, file, features, target, options, parsers),
  };
}
