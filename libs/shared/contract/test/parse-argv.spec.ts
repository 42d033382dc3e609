import { parseArgv } from '../src';

class TestUsageError extends Error {}
const spec = {
  options: {
    env: { type: 'string' },
    bucket: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
} as const;
const refusal = (argv: string[], allowPositionals = false): string => {
  try {
    parseArgv(argv, { ...spec, allowPositionals }, (m) => new TestUsageError(m));
  } catch (err) {
    expect(err).toBeInstanceOf(TestUsageError);
    return (err as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be refused`);
};

describe('parseArgv', () => {
  it('reads --flag value, --flag=value, repeated and short flags', () => {
    const { values, positionals } = parseArgv(
      ['--env=dev', '--bucket', 'a', '--bucket', 'b', '-h', 'job-1'],
      { ...spec, allowPositionals: true },
      (m) => new TestUsageError(m),
    );
    expect(values).toEqual({ env: 'dev', bucket: ['a', 'b'], help: true });
    expect(positionals).toEqual(['job-1']);
  });

  it.each([
    [['--envv', 'x'], 'Unknown option --envv'],
    [['--envv=x'], 'Unknown option --envv'],
    [['-x'], 'Unknown option -x'],
    [['--env'], '--env needs a value'],
    [['--env', '--help'], '--env needs a value'],
    [['--help=yes'], '--help takes no value'],
    [['stray'], 'Unexpected argument "stray"'],
  ])('refuses %j with one line naming the flag', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });
});
