/**
 * The preprocess job's side of the contract, the same for every model: input `raw` (one CSV), outputs
 * `train`, `validation`, `test` (`<name>.csv`) and `stats` (`stats.json`), written all or nothing.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toCsv } from './csv';
import { namedDir, singleCsv, writeAll } from './files';
import { DEFAULT_FRACTIONS, type SplitFractions, type SplitIndexes } from './split';
import { resolveSplitSeed } from './split-seed';

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

/** How the job is called: `--split-seed N` in its arguments, SPLIT_SEED in its environment. */
export interface PreprocessOptions {
  argv?: readonly string[];
  processEnv?: NodeJS.ProcessEnv;
}

export interface PreprocessInput extends PreprocessPaths {
  splitSeed: number;
  /** The raw file's bytes (hashed into stats.json) ... */
  bytes: Buffer;
  /** ... and its text. */
  text: string;
}

/** The split seed, then the paths, then the raw file's content: every check a preprocess job makes before its data. */
export function preprocessInput(
  env: {
    environment: Record<string, string>;
    inputs: Record<string, string>;
    outputs: Record<string, string>;
  },
  options: PreprocessOptions = {},
): PreprocessInput {
  const splitSeed = resolveSplitSeed(options.argv ?? [], env.environment, options.processEnv ?? process.env);
  const paths = preprocessPaths(env.inputs, env.outputs);
  const bytes = fs.readFileSync(paths.rawFile);
  return { ...paths, splitSeed, bytes, text: bytes.toString('utf8') };
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

/** The common part of stats.json; `rows` counts the raw rows and those dropped, the splits are counted here. */
export function splitStatsBase(input: {
  model: string;
  rawFile: string;
  bytes: Uint8Array;
  splitSeed: number;
  features: readonly string[];
  target: string;
  rows: { raw: number; dropped: number };
  split: SplitIndexes;
  /** The fractions the split used (default DEFAULT_FRACTIONS). */
  fractions?: SplitFractions;
}): SplitStatsBase {
  return {
    model: input.model,
    source: fileSource(input.rawFile, input.bytes),
    splitSeed: input.splitSeed,
    fractions: input.fractions ?? DEFAULT_FRACTIONS,
    features: [...input.features],
    target: input.target,
    rows: {
      raw: input.rows.raw,
      dropped: input.rows.dropped,
      train: input.split.train.length,
      validation: input.split.validation.length,
      test: input.split.test.length,
    },
  };
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
