/**
 * Preprocess (ProcessingJob): raw Auto MPG CSV → train / validation / test CSVs + stats.json.
 * Input `raw` (one CSV); outputs `train`, `validation`, `test`, `stats`. Rows with a missing (empty)
 * feature or target are dropped and counted; any other bad value fails the job. The split is seeded
 * (SPLIT_SEED / --split-seed, default 42). Everything is validated before anything is written.
 */
import * as fs from 'node:fs';
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import {
  DataError,
  DEFAULT_FRACTIONS,
  splitIndexes,
  resolveSplitSeed,
  ColumnStats,
  columnStats,
  featureStats,
  fileSource,
  preprocessPaths,
  SplitStatsBase,
  writeSplits,
} from '@mlops/ml-kit';
import { readDataset } from '../utils/dataset';
import { FEATURES, MODEL_NAME, TARGET } from '../utils/schema';

/** Fewer usable rows than this cannot give three meaningful splits. */
export const MIN_ROWS = 20;

export interface PreprocessStats extends SplitStatsBase {
  /** Computed on the train split only; training standardises features with these. */
  featureStats: Record<string, ColumnStats>;
  targetStats: ColumnStats;
}

export interface PreprocessOptions {
  argv?: readonly string[];
  processEnv?: NodeJS.ProcessEnv;
}

export function preprocessJob(env: ProcessingEnv, options: PreprocessOptions = {}): PreprocessStats {
  const splitSeed = resolveSplitSeed(options.argv ?? [], env.environment, options.processEnv ?? process.env);
  const { rawFile, out } = preprocessPaths(env.inputs, env.outputs);

  const bytes = fs.readFileSync(rawFile);
  const data = readDataset(bytes.toString('utf8'), rawFile, FEATURES, TARGET, {
    requireTarget: true,
    dropMissing: true,
  });
  const y = data.y as number[];
  if (data.X.length < MIN_ROWS) {
    throw new DataError(
      rawFile,
      `only ${data.X.length} usable rows (${data.dropped} dropped for missing values); at least ${MIN_ROWS} are needed`,
    );
  }

  const split = splitIndexes(data.X.length, splitSeed, DEFAULT_FRACTIONS);
  const stats: PreprocessStats = {
    model: MODEL_NAME,
    source: fileSource(rawFile, bytes),
    splitSeed,
    fractions: DEFAULT_FRACTIONS,
    features: [...FEATURES],
    target: TARGET,
    rows: {
      raw: data.X.length + data.dropped,
      dropped: data.dropped,
      train: split.train.length,
      validation: split.validation.length,
      test: split.test.length,
    },
    featureStats: featureStats(
      split.train.map((i) => data.X[i]),
      FEATURES,
    ),
    targetStats: columnStats(split.train.map((i) => y[i])),
  };
  writeSplits(out, [...FEATURES, TARGET], data.X, y, split, stats);
  console.log(
    `preprocess: ${stats.rows.raw} rows from ${stats.source.file} (${stats.rows.dropped} dropped for missing values) -> ` +
      `train ${stats.rows.train}, validation ${stats.rows.validation}, test ${stats.rows.test} (seed ${splitSeed})`,
  );
  return stats;
}
