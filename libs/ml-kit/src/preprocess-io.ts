/**
 * The preprocess job's side of the contract, the same for every model: input `raw` (one CSV), outputs
 * `train`, `validation`, `test` (`<name>.csv`) and `stats` (`stats.json`), written all or nothing.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { toCsv } from './csv';
import { namedDir, singleCsv, writeAll } from './files';
import type { SplitFractions, SplitIndexes } from './split';

export interface PreprocessPaths {
  /** The one CSV of the `raw` input. */
  rawFile: string;
  /** The output dir of each split and of `stats`. */
  out: { train: string; validation: string; test: string; stats: string };
}

/** Looks up the raw CSV, then every output dir: a missing one fails before any data is read. */
export function preprocessPaths(
  inputs: Record<string, string>,
  outputs: Record<string, string>,
): PreprocessPaths {
  const rawFile = singleCsv(namedDir(inputs, 'raw', 'input'), 'raw');
  return {
    rawFile,
    out: {
      train: namedDir(outputs, 'train', 'output'),
      validation: namedDir(outputs, 'validation', 'output'),
      test: namedDir(outputs, 'test', 'output'),
      stats: namedDir(outputs, 'stats', 'output'),
    },
  };
}

/** What stats.json records about the raw file: its name and sha256 (which data a model came from). */
export function fileSource(file: string, bytes: Uint8Array): { file: string; sha256: string } {
  return { file: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The fields every model's stats.json has; a model adds its own (class counts, feature statistics...). */
export interface SplitStatsBase {
  model: string;
  source: { file: string; sha256: string };
  splitSeed: number;
  fractions: SplitFractions;
  features: string[];
  target: string;
  rows: { raw: number; dropped: number; train: number; validation: number; test: number };
}

/** Writes `<split>/<split>.csv` (header + the rows of that split, features then target) and stats.json. */
export function writeSplits(
  out: PreprocessPaths['out'],
  header: string[],
  X: ReadonlyArray<ReadonlyArray<number>>,
  y: ReadonlyArray<string | number>,
  split: SplitIndexes,
  stats: object,
): void {
  const csv = (idx: number[]) =>
    toCsv(
      header,
      idx.map((i) => [...X[i], y[i]]),
    );
  writeAll({
    [path.join(out.train, 'train.csv')]: csv(split.train),
    [path.join(out.validation, 'validation.csv')]: csv(split.validation),
    [path.join(out.test, 'test.csv')]: csv(split.test),
    [path.join(out.stats, 'stats.json')]: JSON.stringify(stats, null, 2) + '\n',
  });
}
