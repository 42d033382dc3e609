import { parseArgs, LocalStepFunctionsUsageError } from '../src/cli/parse-args';
import { dockerRunArgs } from '../src/tasks/docker-runner';

describe('parseArgs', () => {
  const parse = (argv: string[]) => parseArgs(argv, () => 'new-name');

  it('defaults: host network, latest images, no scaling, a new execution name', () => {
    expect(parse(['--template', 't.json', '--state-machine', 'm'])).toEqual({
      help: false,
      template: 't.json',
      stateMachine: 'm',
      input: {},
      executionName: 'new-name',
      network: 'host',
      localTag: 'latest',
      timeScale: 1,
      sink: undefined,
    });
    expect(parse(['--template', 't.json', '--list'])).toEqual({
      help: false,
      list: true,
      template: 't.json',
    });
    expect(parse(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--state-machine', 'm'], /Missing --template/],
    [['--template', 't'], /Missing --state-machine/],
    [['--template', 't', '--state-machine', 'm', '--input', '{'], /--input is not JSON/],
    [
      ['--template', 't', '--state-machine', 'm', '--execution-name', 'a b'],
      /Invalid --execution-name "a b"/,
    ],
    [['--template', 't', '--state-machine', 'm', '--time-scale=-1'], /Invalid --time-scale "-1"/],
    [['--template', 't', '--state-machine', 'm', '--time-scale', ''], /Invalid --time-scale ""/],
    [['--template', 't', '--state-machine', 'm', '--network=a/b'], /Invalid --network "a\/b"/],
    [['--template', 't', '--bogus'], /^Unknown option --bogus$/],
    [['--template'], /^--template needs a value$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parse(argv)).toThrow(LocalStepFunctionsUsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

describe('dockerRunArgs', () => {
  it('names env variables, never their values; --rm, --pull never, labels, the image then the command', () => {
    const args = dockerRunArgs(
      {
        name: 'lsf-e-1-a',
        image: 'pipeline-a:latest',
        command: ['--model', 'iris'],
        environment: { EXTRA: 'secret-value' },
        labels: { 'io.x': 'e' },
      },
      'host',
      ['MLOPS__DB__HOST', 'AWS_SECRET_ACCESS_KEY'],
    );
    expect(args).toEqual([
      'run',
      '--rm',
      '--pull',
      'never',
      '--name',
      'lsf-e-1-a',
      '--network',
      'host',
      '--label',
      'io.x=e',
      '-e',
      'AWS_SECRET_ACCESS_KEY',
      '-e',
      'EXTRA',
      '-e',
      'MLOPS__DB__HOST',
      'pipeline-a:latest',
      '--model',
      'iris',
    ]);
    expect(args.join(' ')).not.toContain('secret-value');
  });
});
