/** Minimal `--flag value` / `--flag=value` / `--switch` parser; unknown flags are errors, not ignored. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string[]>;
}

export class LocalSageMakerUsageError extends Error {
  override name = 'LocalSageMakerUsageError';
}

export function parseArgs(argv: string[], known: Record<string, 'value' | 'switch'>): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = known[name];
    if (!kind) throw new LocalSageMakerUsageError(`Unknown option --${name}`);
    let value = 'true';
    if (kind === 'value') {
      value = inline ?? argv[++i];
      if (value === undefined) throw new LocalSageMakerUsageError(`Option --${name} needs a value`);
    }
    (out.flags[name] ??= []).push(value);
  }
  return out;
}

export const flag = (args: ParsedArgs, name: string): string | undefined => args.flags[name]?.at(-1);

export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = flag(args, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new LocalSageMakerUsageError(`--${name} must be a non-negative integer, got '${raw}'`);
  return n;
}
