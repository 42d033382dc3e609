import { parseArgv } from '@mlops/contract';

/** A command's arguments: positionals (job names) and every value of each flag given, in order. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string[]>;
}

export class LocalSageMakerUsageError extends Error {
  override name = 'LocalSageMakerUsageError';
}

/** `node:util` parseArgs over the flags the CLI knows: unknown flags are errors, not ignored. */
export function parseArgs(argv: string[], known: Record<string, 'value' | 'switch'>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(known).map(([name, kind]) => [
      name,
      // Every flag may repeat (`--bucket a --bucket b`); single-valued ones read the last.
      { type: kind === 'value' ? ('string' as const) : ('boolean' as const), multiple: true },
    ]),
  );
  const { values, positionals } = parseArgv(
    argv,
    { options, allowPositionals: true },
    (message) => new LocalSageMakerUsageError(message),
  );
  const flags: Record<string, string[]> = {};
  for (const [name, given] of Object.entries(values))
    if (Array.isArray(given)) flags[name] = given.map((v) => String(v));
  return { positionals, flags };
}

export const flag = (args: ParsedArgs, name: string): string | undefined => args.flags[name]?.at(-1);

export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new LocalSageMakerUsageError(`--${name} must be a non-negative integer, got '${raw}'`);
  return n;
}
