import { randomInt } from 'node:crypto';
import { gridTrials, randomTrial, seededRandom } from './ranges';
import type { CreateTuningJobRequest } from './tuning-request';

/** Every trial's tuned values, in launch order. Grid: each combination once. Random: MaxNumberOfTrainingJobs
 *  independent draws from one generator seeded with RandomSeed (a fresh seed without it). */
export function planTrials(
  config: CreateTuningJobRequest['HyperParameterTuningJobConfig'],
): Record<string, string>[] {
  const ranges = config.ParameterRanges ?? {};
  if (config.Strategy === 'Grid') return gridTrials(ranges.CategoricalParameterRanges ?? []);
  const random = seededRandom(config.RandomSeed ?? randomInt(2 ** 32));
  const count = config.ResourceLimits.MaxNumberOfTrainingJobs ?? 0;
  return Array.from({ length: count }, () => randomTrial(ranges, random));
}
