import { batchArgs } from '../src/batches/run-batch';
import { parseArgs } from '../src/cli/parse-args';

describe('parseArgs', () => {
  it('defaults to env local, all models, config runtime, new run id', () => {
    expect(parseArgs([])).toEqual({ help: false, env: 'local', configDir: 'configs' });
  });

  it('reads every option in both --flag value and --flag=value forms', () => {
    expect(
      parseArgs([
        '--env',
        'dev',
        '--models=iris, mpg,iris',
        '--runtime',
        'process',
        '--run-id=r1',
        '--batches',
        'docker',
        '--config-dir',
        'x',
      ]),
    ).toEqual({
      help: false,
      env: 'dev',
      models: ['iris', 'mpg'],
      runtime: 'process',
      batches: 'docker',
      runId: 'r1',
      configDir: 'x',
    });
  });

  it('reads --no-cache, a flag without a value, and passes it to every batch', () => {
    expect(parseArgs(['--no-cache', '--models', 'iris'])).toMatchObject({ noCache: true, models: ['iris'] });
    expect(parseArgs([]).noCache).toBeUndefined();
    expect(() => parseArgs(['--no-cache=1'])).toThrow('--no-cache takes no value');
    const inv = { model: 'iris', env: 'local', runId: 'r1', configDir: 'c' };
    expect(batchArgs({ ...inv, noCache: true })).toContain('--no-cache');
    expect(batchArgs(inv)).not.toContain('--no-cache');
  });

  it('reads --parallel', () => {
    expect(parseArgs(['--parallel', '2']).parallel).toBe(2);
  });

  it('recognises --help and -h', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--runtime', 'k8s'], /--runtime: expected one of auto, docker, process, got "k8s"/],
    [['--batches', 'k8s'], /--batches: expected one of process, docker, got "k8s"/],
    [['--models', ','], /--models: give at least one model/],
    [['--models', 'Iris'], /--models: invalid model name "Iris"/],
    [['--run-id', 'bad id'], /--run-id: .*"bad id"/],
    [['--env'], /--env needs a value/],
    [['--env', '../etc'], /--env: invalid environment name/],
    [['--frobnicate', '1'], /Unknown option --frobnicate/],
    [['--frobnicate'], /Unknown option --frobnicate/],
    [['--models', 'iris', '--frobnicate'], /Unknown option --frobnicate/],
    [['--parallel', '0'], /--parallel: expected an integer 1-16, got "0"/],
    [['positional'], /Unexpected argument "positional"/],
  ])('rejects %j with a message naming the flag and value', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
    try {
      parseArgs(argv);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });
});
