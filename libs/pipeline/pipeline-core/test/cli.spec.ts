import { join } from 'node:path';
import { assertRunId, formatUsage, newRunId, parseCli, BatchUsageError } from '../src';
import { REPO_ROOT } from './support/paths';

const spec = {
  command: 'pipeline-test',
  summary: 'Test batch.',
  extraOptions: [{ name: 'data-dir', valueName: 'dir', description: 'data', defaultText: '<ws>/data' }],
};

function usageError(argv: string[]): BatchUsageError {
  try {
    parseCli(argv, spec, REPO_ROOT);
  } catch (err) {
    expect(err).toBeInstanceOf(BatchUsageError);
    return err as BatchUsageError;
  }
  throw new Error(`expected a BatchUsageError for ${argv.join(' ')}`);
}

describe('parseCli', () => {
  it('parses the common flags and applies defaults from the workspace root', () => {
    const parsed = parseCli(['--model', 'iris', '--run-id', 'r1'], spec, join(REPO_ROOT, 'libs'));
    expect(parsed).toEqual({
      help: false,
      options: {
        model: 'iris',
        allModels: false,
        env: 'local',
        runId: 'r1',
        configDir: join(REPO_ROOT, 'configs'),
        noCache: false,
        extra: {},
      },
    });
  });

  it('takes --no-cache (step cache off for this invocation)', () => {
    const parsed = parseCli(['--model', 'iris', '--run-id', 'r1', '--no-cache'], spec, REPO_ROOT);
    expect(!parsed.help && !parsed.migrateOnly && parsed.options.noCache).toBe(true);
    expect(() => parseCli(['--model', 'iris', '--run-id', 'r1', '--no-cache=yes'], spec, REPO_ROOT)).toThrow(
      /no-cache/,
    );
  });

  it('takes --env, --config-dir, --all-models and extra options', () => {
    const parsed = parseCli(
      ['--all-models', '--run-id', 'a-1', '--env', 'dev', '--config-dir', '/c', '--data-dir', '/d'],
      spec,
      REPO_ROOT,
    );
    expect(parsed.help).toBe(false);
    if (parsed.help || parsed.migrateOnly) return;
    expect(parsed.options).toMatchObject({
      allModels: true,
      env: 'dev',
      configDir: '/c',
      extra: { 'data-dir': '/d' },
    });
    expect(parsed.options.model).toBeUndefined();
  });

  it('--help wins over everything else, even missing flags', () => {
    expect(parseCli(['--help'], spec)).toEqual({ help: true });
    expect(parseCli(['-h', '--model', 'iris'], spec)).toEqual({ help: true });
  });

  it('--migrate-only needs neither --model nor --run-id, and keeps --env and --config-dir', () => {
    expect(parseCli(['--migrate-only', '--env', 'dev', '--config-dir', '/app/configs'], spec)).toEqual({
      help: false,
      migrateOnly: { env: 'dev', configDir: '/app/configs' },
    });
    expect(parseCli(['--migrate-only'], spec, join(REPO_ROOT, 'libs'))).toEqual({
      help: false,
      migrateOnly: { env: 'local', configDir: join(REPO_ROOT, 'configs') },
    });
  });

  it.each([
    [['--migrate-only', '--model', 'iris'], /--migrate-only takes only --env and --config-dir, not --model/],
    [['--migrate-only', '--run-id', 'r', '--all-models'], /not --all-models, --run-id/],
    [['--migrate-only', '--env', 'Bad!'], /Invalid --env "Bad!"/],
    [['--modle', 'iris', '--run-id', 'r'], /^Unknown option --modle$/],
    [['--model', 'iris', '--run-id', 'r', 'extra'], /^Unexpected argument "extra"$/],
    [['--run-id', 'r'], /Missing --model/],
    [['--model', 'iris'], /Missing --run-id/],
    [['--model', 'iris', '--all-models', '--run-id', 'r'], /either --model or --all-models/],
    [['--model', 'Iris!', '--run-id', 'r'], /Invalid --model "Iris!"/],
    [['--model', 'iris', '--run-id', 'Bad_Id'], /Invalid --run-id "Bad_Id"/],
    [['--model', 'iris', '--run-id', 'r', '--env', '../x'], /Invalid --env/],
    [['--model', 'iris', '--run-id', 'r', '--data-dir', ''], /--data-dir must not be empty/],
    [['--model'], /^--model needs a value$/],
    [['--run-id', '--model', 'iris'], /^--run-id needs a value$/],
    [['--help=yes'], /^--help takes no value$/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    const err = usageError(argv);
    expect(err.message).toMatch(message);
    expect(err.exitCode).toBe(2);
  });
});

describe('run ids', () => {
  it('accepts slugs up to 32 chars and rejects the rest', () => {
    expect(assertRunId('run-20261126-0615')).toBe('run-20261126-0615');
    expect(() => assertRunId('a'.repeat(33))).toThrow(/1-32/);
    for (const bad of ['-a', 'a-', 'a--b', 'A', 'a_b', ''])
      expect(() => assertRunId(bad)).toThrow(BatchUsageError);
  });

  it('newRunId is a valid run id derived from the clock', () => {
    const id = newRunId(new Date('2026-11-26T06:15:30.123Z'));
    expect(id).toBe('r20261126-061530');
    expect(assertRunId(id)).toBe(id);
  });
});

describe('formatUsage', () => {
  it('lists every flag, the extra options with defaults, and the exit codes', () => {
    const text = formatUsage(spec);
    for (const flag of [
      '--model <name>',
      '--all-models',
      '--run-id <id>',
      '--env <name>',
      '--config-dir <dir>',
      '--help',
    ])
      expect(text).toContain(flag);
    expect(text).toMatch(/--data-dir <dir>\s+data \(default: <ws>\/data\)/);
    expect(text).toMatch(/Exit codes: 0 ok, 1 job failed, 2 bad input/);
  });
});
