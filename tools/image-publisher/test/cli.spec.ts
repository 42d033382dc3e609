import { parseArgs, PublisherUsageError } from '../src/cli';
import { parseEcrRegistry } from '../src/registry-login';

describe('parseArgs', () => {
  it('defaults the registry to the local one and reads env overrides', () => {
    expect(parseArgs(['push', 'container-iris'], {})).toEqual({
      command: 'push',
      project: 'container-iris',
      registry: '127.0.0.1:5000',
      repositoryPrefix: '',
      movingTag: undefined,
    });
    const env = { MLOPS_REGISTRY: 'r.example:443', MLOPS_REPOSITORY_PREFIX: 'ml/', MLOPS_MOVING_TAG: 'main' };
    expect(parseArgs(['push', 'p'], env)).toMatchObject({
      registry: 'r.example:443',
      repositoryPrefix: 'ml/',
      movingTag: 'main',
    });
  });

  it('lets flags win over env', () => {
    expect(
      parseArgs(['push', 'p', '--registry', 'a:1', '--moving-tag', 'x'], { MLOPS_REGISTRY: 'b:2' }),
    ).toMatchObject({
      registry: 'a:1',
      movingTag: 'x',
    });
  });

  it.each([
    [[], /unknown command ""/],
    [['pull', 'p'], /unknown command "pull"/],
    [['push'], /missing <project>/],
    [['push', 'p', '--registry'], /--registry needs a value/],
    [['push', 'p', '--tag', 'x'], /Unknown option --tag/],
    [['push', 'p', 'q'], /Unexpected argument "q"/],
    [['push', 'p', '--moving-tag', 'a b'], /Invalid --moving-tag "a b"/],
    [['push', 'p', '--registry='], /--registry must not be empty/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv as string[], {})).toThrow(PublisherUsageError);
    expect(() => parseArgs(argv as string[], {})).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseArgs(['push', '--help'], {})).toBe('help');
  });
});

describe('parseEcrRegistry', () => {
  it('recognises ECR hosts, including China regions', () => {
    expect(parseEcrRegistry('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({
      accountId: '123456789012',
      region: 'eu-west-1',
    });
    expect(parseEcrRegistry('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')).toEqual({
      accountId: '123456789012',
      region: 'cn-north-1',
    });
  });

  it('treats any other registry as a plain v2 registry', () => {
    expect(parseEcrRegistry('127.0.0.1:5000')).toBeUndefined();
    expect(parseEcrRegistry('ghcr.io')).toBeUndefined();
    expect(parseEcrRegistry('12345.dkr.ecr.eu-west-1.amazonaws.com')).toBeUndefined();
  });
});
