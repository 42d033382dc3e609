/** The training job's inputs, the same for every model: one CSV per split channel, an optional `stats` channel. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { channelDir, type TrainingEnv } from '@mlops/sagemaker-toolkit';
import { DataError } from './errors';
import { singleCsv } from './files';

/** The one CSV of a channel (`train`, `validation`); an undeclared channel fails naming it. */
export function channelCsv(env: TrainingEnv, channel: string): string {
  return singleCsv(channelDir(env, channel), `${channel} channel`);
}

/** The columns a stats.json says it describes (checked against the model's). */
export interface StatsColumns {
  features?: unknown;
  target?: unknown;
}

/**
 * The preprocess `stats.json` from the optional `stats` channel, or undefined without that channel. It must
 * describe the model's columns, else the splits and the model disagree.
 */
export function readStatsChannel<S extends object = object>(
  env: TrainingEnv,
  features: readonly string[],
  target: string,
): { stats: S & StatsColumns; file: string } | undefined {
  if (!('stats' in env.channelInputDirs)) return undefined;
  const file = path.join(channelDir(env, 'stats'), 'stats.json');
  let stats: S & StatsColumns;
  try {
    stats = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataError(file, `cannot read stats (${(e as Error).message})`);
  }
  if (JSON.stringify(stats.features) !== JSON.stringify(features) || stats.target !== target) {
    throw new DataError(
      file,
      `stats describe features ${JSON.stringify(stats.features)} / target ${JSON.stringify(stats.target)}, expected ${JSON.stringify(features)} / "${target}"`,
    );
  }
  return { stats, file };
}
