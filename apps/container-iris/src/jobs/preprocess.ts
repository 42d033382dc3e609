/**
 * Preprocess (ProcessingJob): raw iris CSV → train / validation / test CSVs + stats.json.
 * Input `raw` (one CSV); outputs `train`, `validation`, `test`, `stats`. The split is seeded
 * (SPLIT_SEED / --split-seed, default 42) and stratified by species. Everything is validated before
 * anything is written, so corrupt data fails the job with nothing half-written.
 */
import type { ProcessingEnv } from '@mlops/sagemaker-toolkit';
import {
  DataError,
  DEFAULT_FRACTIONS,
  splitIndexes,
  countBy,
  featureStats,
  FeatureStats,
  SplitStatsBase,
  writeSplits,
  PreprocessOptions,
  preprocessInput,
  splitStatsBase,
} from '@mlops/ml-kit';
import { readDataset } from '../utils/dataset';
import { FEATURES, MODEL_NAME, TARGET } from '../utils/schema';

/** Fewer rows than this cannot give three meaningful splits. */
export const MIN_ROWS = 20;

export interface PreprocessStats extends SplitStatsBase {
  classes: Record<'train' | 'validation' | 'test', Record<string, number>>;
  /** Computed on the train split only. */
  featureStats: Record<string, FeatureStats>;
}

export function preprocessJob(env: ProcessingEnv, options: PreprocessOptions = {}): PreprocessStats {
  const { splitSeed, rawFile, out, bytes, text } = preprocessInput(env, options);
  const data = readDataset(text, rawFile, FEATURES, TARGET, { requireTarget: true });
  const y = data.y as string[];
  if (data.X.length < MIN_ROWS)
    throw new DataError(rawFile, `only ${data.X.length} data rows; at least ${MIN_ROWS} are needed`);
  const classes = countBy(y);
  if (Object.keys(classes).length < 2)
    throw new DataError(rawFile, `column "${TARGET}" has a single class (${Object.keys(classes)[0]})`);

  const split = splitIndexes(data.X.length, splitSeed, DEFAULT_FRACTIONS, y);
  const stats: PreprocessStats = {
    ...splitStatsBase({
      model: MODEL_NAME,
      rawFile,
      bytes,
      splitSeed,
      features: FEATURES,
      target: TARGET,
      rows: { raw: data.X.length, dropped: 0 },
      split,
    }),
    classes: {
      train: countBy(split.train.map((i) => y[i])),
      validation: countBy(split.validation.map((i) => y[i])),
      test: countBy(split.test.map((i) => y[i])),
    },
    featureStats: featureStats(
      split.train.map((i) => data.X[i]),
      FEATURES,
    ),
  };
  writeSplits(out, [...FEATURES, TARGET], data.X, y, split, stats);
  console.log(
    `preprocess: ${stats.rows.raw} rows from ${stats.source.file} -> train ${stats.rows.train}, ` +
      `validation ${stats.rows.validation}, test ${stats.rows.test} (seed ${splitSeed})`,
  );
  return stats;
}
