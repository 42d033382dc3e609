/** Typed rows from a CSV table: numeric features and target, errors naming file/line/column. */
import { CsvTable, parseCsv } from './csv';
import { DataError } from './errors';

export interface Dataset {
  features: string[];
  /** One row of feature values per sample. */
  X: number[][];
  /** Target values, when the table has the target column (undefined otherwise). */
  y: number[] | undefined;
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

function columnIndex(table: CsvTable, file: string, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new DataError(file, `missing column "${name}" (header: ${table.header.join(',')})`);
  return i;
}

/** Parses a number strictly: `Number('')` is 0 and `parseFloat('1x')` is 1, neither is acceptable here. */
export function parseNumber(raw: string, file: string, line: number, column: string): number {
  const s = raw.trim();
  const n = s === '' ? NaN : Number(s);
  if (!Number.isFinite(n)) {
    const what = s === '' ? 'is empty (missing value)' : 'is not a number';
    throw new DataError(file, `line ${line}, column "${column}": ${JSON.stringify(raw)} ${what}`);
  }
  return n;
}

export function toDataset(
  table: CsvTable,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
): Dataset {
  const featureIdx = features.map((f) => columnIndex(table, file, f));
  const hasTarget = !options.ignoreTarget && table.header.includes(target);
  if (options.requireTarget && !hasTarget) columnIndex(table, file, target);
  const targetIdx = hasTarget ? table.header.indexOf(target) : -1;
  if (table.rows.length === 0) throw new DataError(file, 'no data rows after the header');
  const used = hasTarget ? [...featureIdx, targetIdx] : featureIdx;
  const X: number[][] = [];
  const y: number[] = [];
  const lines: number[] = [];
  let dropped = 0;
  for (const row of table.rows) {
    if (options.dropMissing && used.some((c) => row.values[c].trim() === '')) {
      dropped++;
      continue;
    }
    X.push(featureIdx.map((c, k) => parseNumber(row.values[c], file, row.line, features[k])));
    if (hasTarget) y.push(parseNumber(row.values[targetIdx], file, row.line, target));
    lines.push(row.line);
  }
  return { features: [...features], X, y: hasTarget ? y : undefined, lines, dropped };
}

export function readDataset(
  text: string,
  file: string,
  features: readonly string[],
  target: string,
  options: ReadOptions,
): Dataset {
  return toDataset(parseCsv(text, file), file, features, target, options);
}
