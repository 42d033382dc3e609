/** File helpers for job inputs/outputs: one CSV per input dir, atomic writes (no half-written outputs). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from './errors';

/** Regular files directly in `dir` (sorted); a missing dir is an error naming the input. */
export function listFiles(dir: string, what: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new DataError(dir, `cannot read ${what} directory (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return names
    .filter((n) => !n.startsWith('.'))
    .map((n) => path.join(dir, n))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

/** The CSV files of an input dir; at least one is required. */
export function csvFiles(dir: string, what: string): string[] {
  const all = listFiles(dir, what);
  const csv = all.filter((f) => f.toLowerCase().endsWith('.csv'));
  if (csv.length === 0) {
    throw new DataError(
      dir,
      `no .csv file in the ${what} input (found: ${all.map((f) => path.basename(f)).join(', ') || 'nothing'})`,
    );
  }
  return csv;
}

/** Exactly one CSV file (preprocess's raw input, a split channel). */
export function singleCsv(dir: string, what: string): string {
  const csv = csvFiles(dir, what);
  if (csv.length > 1) {
    throw new DataError(
      dir,
      `expected one .csv file in the ${what} input, found ${csv.length}: ${csv.map((f) => path.basename(f)).join(', ')}`,
    );
  }
  return csv[0];
}

/** Writes via a temp file + rename, so readers (and S3 upload) never see a partial file. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Writes several files only after all of them have been produced in memory (all or nothing, best effort). */
export function writeAll(files: Record<string, string>): void {
  const tmps = Object.entries(files).map(([file, data]) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, data);
    return [tmp, file] as const;
  });
  for (const [tmp, file] of tmps) fs.renameSync(tmp, file);
}

/** Looks up a named processing input/output dir; a missing name is a configuration error naming it. */
export function namedDir(dirs: Record<string, string>, name: string, kind: 'input' | 'output'): string {
  const dir = dirs[name];
  if (!dir) {
    const known = Object.keys(dirs).join(', ') || 'none';
    throw new Error(`processing ${kind} "${name}" is not configured (configured ${kind}s: ${known})`);
  }
  return dir;
}
