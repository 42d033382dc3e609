import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';

/** What a CLI declares: its options, and whether it takes positionals (commands, names). */
export interface ArgvSpec<O extends ParseArgsOptionsConfig> {
  options: O;
  allowPositionals?: boolean;
}

/**
 * Every CLI of the workspace reads its command line here: `node:util` `parseArgs`, strict, so an unknown
 * flag, a missing value or a stray argument is refused. The refusal is one line naming the flag
 * (`Unknown option --x`, `--x needs a value`, `Unexpected argument "x"`), thrown as the CLI's own usage
 * error so each CLI keeps its exit code and usage text.
 */
export function parseArgv<O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  spec: ArgvSpec<O>,
  usageError: (message: string) => Error,
) {
  const config = {
    args: [...argv],
    options: spec.options,
    allowPositionals: spec.allowPositionals ?? false,
    strict: true as const,
  };
  try {
    return parseArgs(config);
  } catch (err) {
    throw usageError(argvProblem(err));
  }
}

/** node:util's error as one line; its own text spans lines and quotes the flag differently per case. */
function argvProblem(err: unknown): string {
  const { code, message } = err as { code?: string; message: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  // "-h, --help" and "--env <value>": the long name is what users type and read in the usage.
  const flag =
    quoted
      .replace(/ <value>$/, '')
      .split(', ')
      .at(-1) ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument ${JSON.stringify(quoted)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? `${flag} takes no value` : `${flag} needs a value`;
    default:
      return message.split('\n')[0];
  }
}
