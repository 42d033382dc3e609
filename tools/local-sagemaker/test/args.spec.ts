import { flag, intFlag, LocalSageMakerUsageError, parseArgs } from '../src/cli/args';

const known = { bucket: 'value', port: 'value', unique: 'switch' } as const;

describe('parseArgs', () => {
  it('keeps positionals, every value of a repeated flag, and switches as "true"', () => {
    const args = parseArgs(['job-1', '--bucket', 'a', '--bucket=b', '--unique', '--port', '9'], known);
    expect(args).toEqual({
      positionals: ['job-1'],
      flags: { bucket: ['a', 'b'], unique: ['true'], port: ['9'] },
    });
    expect(flag(args, 'bucket')).toBe('b');
    expect(intFlag(args, 'port')).toBe(9);
  });

  it.each([
    [['--bogus'], 'Unknown option --bogus'],
    [['--port'], '--port needs a value'],
    [['--unique=yes'], '--unique takes no value'],
    [['--port', '-1'], '--port needs a value'],
    [['--port', ''], "--port must be a non-negative integer, got ''"],
    [['--port', '1.5'], "--port must be a non-negative integer, got '1.5'"],
  ])('refuses %j naming the flag', (argv, message) => {
    expect(() => intFlag(parseArgs(argv, known), 'port')).toThrow(new LocalSageMakerUsageError(message));
  });
});
