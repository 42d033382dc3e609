/** The preprocess split seed: reproducible splits, overridable per job without rebuilding the image. */
export const DEFAULT_SPLIT_SEED = 42;

/** `--split-seed N` (job argument) wins over SPLIT_SEED (request Environment, then process env). */
export function resolveSplitSeed(
  argv: readonly string[],
  environment: Record<string, string>,
  processEnv: NodeJS.ProcessEnv,
): number {
  const i = argv.indexOf('--split-seed');
  const [raw, from] =
    i >= 0
      ? [argv[i + 1], 'argument --split-seed']
      : environment.SPLIT_SEED !== undefined
        ? [environment.SPLIT_SEED, 'Environment SPLIT_SEED']
        : processEnv.SPLIT_SEED !== undefined
          ? [processEnv.SPLIT_SEED, 'env SPLIT_SEED']
          : [String(DEFAULT_SPLIT_SEED), 'default'];
  const seed = Number(raw);
  if (raw === undefined || !/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(seed)) {
    throw new Error(`${from}: expected an integer split seed, got ${JSON.stringify(raw ?? null)}`);
  }
  return seed;
}
