/** Typed rows from a CSV table: numeric features (+ the string label when present), errors naming file/line/column. */
import { CsvTable, parseCsv } from './csv';
import { DataError } from './errors';

export interface Dataset {
  features: string[];
  /** One row of feature values per sample. */
  X: number[][];
  /** Labels, when the table has the target column (undefined otherwise). */
  y: string[] | undefined;
  /** 1-based CSV line of each sample. */
  lines: number[];
}

export interface ReadOptions {
  /** The target column must be present (training data) or may be absent (inference input). */
  requireTarget: boolean;
  /** Do not read the target even when present (inference input may carry an empty or stale target column). */
  ignoreTarget?: boolean;
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
    throw new DataError(file, `line ${line}, column "${column}": ${JSON.stringify(raw)} is not a number`);
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
  const X: number[][] = [];
  const y: string[] = [];
  const lines: number[] = [];
  for (const row of table.rows) {
    X.push(featureIdx.map((c, k) => parseNumber(row.values[c], file, row.line, features[k])));
    if (hasTarget) {
      const label = row.values[targetIdx].trim();
      if (label === '') throw new DataError(file, `line ${row.line}, column "${target}": empty label`);
      y.push(label);
    }
    lines.push(row.line);
  }
  return { features: [...features], X, y: hasTarget ? y : undefined, lines };
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
