import { join } from 'node:path';
import { batchMounts } from '../src/batches/batch-mounts';
import { checkBatchImages } from '../src/batches/batch-images';
import {
  batchContainerName,
  batchImage,
  dockerRunArgs,
  DockerBatchSpec,
  forwardedEnvNames,
} from '../src/batches/docker-run-args';
import { batchArgs } from '../src/batches/run-batch';

const SPEC: DockerBatchSpec = {
  image: batchImage('training'),
  name: batchContainerName('r1', 'iris', 'training'),
  runId: 'r1',
  cwd: '/repo',
  mounts: [
    { path: '/repo/configs', readOnly: true },
    { path: '/repo/.state', readOnly: false },
  ],
  envNames: ['AWS_SECRET_ACCESS_KEY', 'MLOPS__DB__PATH'],
  user: '1000:1000',
  command: batchArgs({ model: 'iris', env: 'local', runId: 'r1', configDir: '/repo/configs' }),
};

describe('dockerRunArgs', () => {
  it('runs the phase image on the host network as the host user, same cwd and paths, the batch argv last', () => {
    expect(dockerRunArgs(SPEC)).toEqual([
      'run',
      '--rm',
      '--pull',
      'never',
      '--name',
      'lp-r1-iris-training',
      '--label',
      'io.mlops.local-pipeline.run-id=r1',
      '--network',
      'host',
      '-w',
      '/repo',
      '--user',
      '1000:1000',
      '-v',
      '/repo/configs:/repo/configs:ro',
      '-v',
      '/repo/.state:/repo/.state:rw',
      '-e',
      'AWS_SECRET_ACCESS_KEY',
      '-e',
      'MLOPS__DB__PATH',
      'pipeline-training:latest',
      '--model',
      'iris',
      '--env',
      'local',
      '--run-id',
      'r1',
      '--config-dir',
      '/repo/configs',
    ]);
  });

  it('leaves --user out when there is no host uid (Windows)', () => {
    expect(dockerRunArgs({ ...SPEC, user: undefined })).not.toContain('--user');
  });

  it('refuses a path that -v cannot express, naming it', () => {
    expect(() => dockerRunArgs({ ...SPEC, mounts: [{ path: '/a:b', readOnly: true }] })).toThrow(
      'cannot bind-mount "/a:b" into a batch container',
    );
  });
});

describe('forwardedEnvNames', () => {
  it('passes config overrides, AWS and PG settings by name only; the rest of the host env stays out', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/root',
      MLOPS__DB__PATH: '/x.sqlite',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      PGPASSWORD: 'pw',
      GITHUB_TOKEN: 'ghp_x',
      NPM_TOKEN: 'x',
      UNSET: undefined,
      MLOPS_NOT_AN_OVERRIDE: 'x',
      MLOPS_POLL_MS: '250',
      MLOPS_PREFLIGHT_IMAGES: 'checked',
    };
    expect(forwardedEnvNames(env)).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_REGION',
      'AWS_SECRET_ACCESS_KEY',
      'MLOPS_POLL_MS',
      'MLOPS_PREFLIGHT_IMAGES',
      'MLOPS__DB__PATH',
      'PGPASSWORD',
    ]);
    const argv = dockerRunArgs({ ...SPEC, envNames: forwardedEnvNames(env) }).join(' ');
    expect(argv).not.toContain('S3RVER');
    expect(argv).not.toContain('pw');
  });
});

describe('batchMounts', () => {
  const config = (db: { type: 'sqlite'; path: string } | { type: 'postgres' }, source = 'builtin:iris') =>
    ({ db, models: { iris: { source } } }) as unknown as Parameters<typeof batchMounts>[0]['config'];
  const base = { configDir: '/repo/configs', repoRoot: '/repo', model: 'iris' };

  it('collection reads the config and the builtin data dir, writes the SQLite dir', () => {
    expect(
      batchMounts({
        ...base,
        phase: 'collection',
        config: config({ type: 'sqlite', path: '/repo/.state/m.sqlite' }),
      }),
    ).toEqual([
      { path: '/repo/configs', readOnly: true },
      { path: join('/repo', 'data'), readOnly: true },
      { path: '/repo/.state', readOnly: false },
    ]);
  });

  it('a file:// source is mounted read-only for collection only', () => {
    const c = config({ type: 'postgres' }, 'file:///srv/raw/iris');
    expect(batchMounts({ ...base, phase: 'collection', config: c })).toEqual([
      { path: '/repo/configs', readOnly: true },
      { path: '/srv/raw/iris', readOnly: true },
    ]);
    expect(batchMounts({ ...base, phase: 'training', config: c })).toEqual([
      { path: '/repo/configs', readOnly: true },
    ]);
  });

  it('one mount per path, read-write when wanted both ways', () => {
    const c = config({ type: 'sqlite', path: '/repo/configs/m.sqlite' }, 's3://b/raw/');
    expect(batchMounts({ ...base, phase: 'collection', config: c })).toEqual([
      { path: '/repo/configs', readOnly: false },
    ]);
  });
});

describe('checkBatchImages', () => {
  const probe = (daemon: boolean, images: string[]) => ({
    daemonAnswers: async () => daemon,
    imageExists: async (image: string) => images.includes(image),
  });
  const ALL = ['collection', 'preprocess', 'training', 'evaluation', 'inference'].map(
    (p) => `pipeline-${p}:latest`,
  );

  it('passes when the daemon answers and all five images exist', async () => {
    await expect(checkBatchImages(probe(true, ALL))).resolves.toBeUndefined();
  });

  it('names every missing image and the command that builds them (exit 2)', async () => {
    await expect(checkBatchImages(probe(true, ALL.slice(1, 4)))).rejects.toMatchObject({
      exitCode: 2,
      message:
        '--batches docker: image(s) pipeline-collection:latest, pipeline-inference:latest do not exist; build ' +
        'them with `npx nx run-many -t docker:build -p pipeline-collection pipeline-preprocess pipeline-training ' +
        'pipeline-evaluation pipeline-inference` or use --batches process',
    });
  });

  it('says so when no daemon answers', async () => {
    await expect(checkBatchImages(probe(false, ALL))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--batches docker: no Docker daemon answers'),
    });
  });
});
