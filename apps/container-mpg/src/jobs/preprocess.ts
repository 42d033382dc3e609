/**
 * Preprocess (ProcessingJob): raw Auto MPG CSV → train / validation / test CSVs + stats.json.
 * Input `raw` (one CSV); outputs `train`, `validation`, `test`, `stats`. Rows with a missing (empty)
 * feature or target are dropped and counted; any other bad value fails the job. The split is seeded
 * (SPLIT_SEED / --split-seed, default 42). Everything is validated before anything is written.
 */
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import {
  DataError,
  DEFAULT_FRACTIONS,
  splitIndexes,
  ColumnStats,
  columnStats,
  featureStats,
  SplitStatsBase,
  writeSplits,
  PreprocessOptions,
  preprocessInput,
  splitStatsBase,
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

export function preprocessJob(env: ProcessingEnv, options: PreprocessOptions = {}): PreprocessStats {
  const { splitSeed, rawFile, out, bytes, text } = preprocessInput(env, options);
  const data = readDataset(text, rawFile, FEATURES, TARGET, {
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
    ...splitStatsBase({
      model: MODEL_NAME,
      rawFile,
      bytes,
      splitSeed,
      features: FEATURES,
      target: TARGET,
      rows: { raw: data.X.length + data.dropped, dropped: data.dropped },
      split,
    }),
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
