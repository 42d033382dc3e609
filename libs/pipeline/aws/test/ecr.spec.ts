import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { createEcrClient, dockerLogin, ecrDockerLogin, ensureRepository, getEcrLogins } from '../src';

// Built at runtime so no credential-looking literal sits in the source.
const PASSWORD = ['eyJwYXlsb2FkIjoi', 'dGVzdC1vbmx5', 'In0='].join('');
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const token = (user: string, pw: string) => Buffer.from(`${user}:${pw}`).toString('base64');

let ecr: ECRClient;
let mock: ReturnType<typeof mockClient>;
let tmp: string;

/** A fake `docker` that records argv and stdin, and can fail on demand. */
async function fakeDocker(
  exitCode = 0,
): Promise<{ env: NodeJS.ProcessEnv; argv: () => Promise<string[]>; stdin: () => Promise<string> }> {
  const bin = path.join(tmp, 'bin');
  await mkdir(bin, { recursive: true });
  const script = `#!/bin/sh
printf '%s\\n' "$@" > "${tmp}/argv.txt"
cat > "${tmp}/stdin.txt"
if [ ${exitCode} -ne 0 ]; then echo "Error: login denied for $(cat "${tmp}/stdin.txt")" >&2; exit ${exitCode}; fi
echo "Login Succeeded"
`;
  await writeFile(path.join(bin, 'docker'), script);
  await chmod(path.join(bin, 'docker'), 0o755);
  return {
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    argv: async () => (await readFile(path.join(tmp, 'argv.txt'), 'utf8')).trim().split('\n'),
    stdin: () => readFile(path.join(tmp, 'stdin.txt'), 'utf8'),
  };
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aws-ecr-'));
  ecr = createEcrClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  mock = mockClient(ecr);
});
afterEach(async () => {
  mock.restore();
  await rm(tmp, { recursive: true, force: true });
});

describe('ECR login', () => {
  test('decodes the authorization token', async () => {
    const expiresAt = new Date('2030-01-01T00:00:00Z');
    mock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        { authorizationToken: token('AWS', PASSWORD), proxyEndpoint: `https://${REGISTRY}`, expiresAt },
      ],
    });
    expect(await getEcrLogins(ecr)).toEqual([
      { registry: REGISTRY, username: 'AWS', password: PASSWORD, expiresAt },
    ]);
  });

  test('a malformed token is rejected without echoing it', async () => {
    const bad = Buffer.from('no-separator-secretvalue').toString('base64');
    mock
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [{ authorizationToken: bad, proxyEndpoint: 'https://r' }] });
    const err = await getEcrLogins(ecr).catch((e: Error) => e);
    expect((err as Error).message).toContain('is not "user:password"');
    expect((err as Error).message).not.toContain('secretvalue');
  });

  test('docker login gets the password on stdin, never in argv', async () => {
    mock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        { authorizationToken: token('AWS', PASSWORD), proxyEndpoint: `https://${REGISTRY}` },
      ],
    });
    const docker = await fakeDocker();
    const logged = jest.spyOn(console, 'log');
    const registries = await ecrDockerLogin(ecr, { env: docker.env });
    expect(registries).toEqual([REGISTRY]);
    expect(await docker.argv()).toEqual(['login', '--username', 'AWS', '--password-stdin', REGISTRY]);
    expect((await docker.argv()).join(' ')).not.toContain(PASSWORD);
    expect(await docker.stdin()).toBe(PASSWORD);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  test('a failed login reports docker output with the password scrubbed', async () => {
    const docker = await fakeDocker(1);
    const err = await dockerLogin(
      { registry: REGISTRY, username: 'AWS', password: PASSWORD },
      { env: docker.env },
    ).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(
      `docker login ${REGISTRY} failed (exit 1): Error: login denied for ***`,
    );
    expect((err as Error).message).not.toContain(PASSWORD);
  });

  test('a missing docker binary is a clear error', async () => {
    const err = await dockerLogin(
      { registry: REGISTRY, username: 'AWS', password: PASSWORD },
      { dockerPath: path.join(tmp, 'no-docker') },
    ).catch((e: Error) => e);
    expect((err as Error).message).toContain('cannot run');
    expect((err as Error).message).not.toContain(PASSWORD);
  });
});

describe('ensureRepository', () => {
  const repo = (over: object = {}) => ({
    repositoryName: 'ml/iris',
    repositoryUri: `${REGISTRY}/ml/iris`,
    repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/ml/iris',
    imageScanningConfiguration: { scanOnPush: true },
    imageTagMutability: 'IMMUTABLE' as const,
    ...over,
  });
  const notFound = () => new RepositoryNotFoundException({ message: 'not found', $metadata: {} });

  test('creates a missing repository with scan-on-push and the chosen mutability', async () => {
    mock.on(DescribeRepositoriesCommand).rejects(notFound());
    mock.on(CreateRepositoryCommand).resolves({ repository: repo({ imageTagMutability: 'MUTABLE' }) });
    const info = await ensureRepository(ecr, 'ml/iris', { tagMutability: 'MUTABLE', tags: { team: 'ml' } });
    expect(info).toEqual({
      name: 'ml/iris',
      uri: `${REGISTRY}/ml/iris`,
      arn: 'arn:aws:ecr:us-east-1:123456789012:repository/ml/iris',
      created: true,
      scanOnPush: true,
      tagMutability: 'MUTABLE',
    });
    expect(mock.commandCalls(CreateRepositoryCommand)[0].args[0].input).toEqual({
      repositoryName: 'ml/iris',
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'MUTABLE',
      tags: [{ Key: 'team', Value: 'ml' }],
    });
  });

  test('defaults: scan on push, immutable tags', async () => {
    mock.on(DescribeRepositoriesCommand).rejects(notFound());
    mock.on(CreateRepositoryCommand).resolves({ repository: repo() });
    await ensureRepository(ecr, 'ml/iris');
    expect(mock.commandCalls(CreateRepositoryCommand)[0].args[0].input).toMatchObject({
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'IMMUTABLE',
    });
  });

  test('an existing repository is returned untouched', async () => {
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [repo()] });
    expect(await ensureRepository(ecr, 'ml/iris')).toMatchObject({
      created: false,
      uri: `${REGISTRY}/ml/iris`,
    });
    expect(mock.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
  });

  test('a concurrent create is treated as existing', async () => {
    mock
      .on(DescribeRepositoriesCommand)
      .rejectsOnce(notFound())
      .resolves({ repositories: [repo()] });
    mock
      .on(CreateRepositoryCommand)
      .rejects(new RepositoryAlreadyExistsException({ message: 'exists', $metadata: {} }));
    expect(await ensureRepository(ecr, 'ml/iris')).toMatchObject({ created: false });
  });

  test.each(['', 'A', 'Upper/Case', 'bad//name', '-lead', 'x'.repeat(257)])(
    'rejects name %j before any call',
    async (name) => {
      await expect(ensureRepository(ecr, name)).rejects.toThrow(
        `repository name ${JSON.stringify(name)} is invalid`,
      );
      expect(mock.calls()).toHaveLength(0);
    },
  );

  test('rejects a bad mutability', async () => {
    await expect(
      ensureRepository(ecr, 'ml/iris', { tagMutability: 'SOMETIMES' as 'MUTABLE' }),
    ).rejects.toThrow('tagMutability "SOMETIMES" must be MUTABLE or IMMUTABLE');
    expect(mock.calls()).toHaveLength(0);
  });
});
