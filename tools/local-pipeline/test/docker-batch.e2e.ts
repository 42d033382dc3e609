import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerBatchSpec, RUN_ID_LABEL } from '../src/batches/docker-run-args';
import { removeRunContainers, runDockerBatch } from '../src/batches/run-docker-batch';
import {
  CONFIG_DIR,
  makeTestEnv,
  startMainUntilTraining,
  disposeTestEnv,
  TestEnv,
} from './support/workspace';

// The batch runner against the real daemon. pipeline-runtime:latest (the batch images' base, entrypoint
// `tini --`) stands in for a batch image so each case runs exactly the command it needs.
const IMAGE = 'pipeline-runtime:latest';

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

function containersNamed(name: string): string[] {
  return docker(['ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Names}}'])
    .split('\n')
    .filter((n) => n !== '');
}

describe('runDockerBatch (real Docker)', () => {
  const id = `e2e${Date.now().toString(36)}`;
  let tmp: string;
  const uid = process.getuid?.();
  const gid = process.getgid?.();

  beforeAll(() => {
    docker(['image', 'inspect', '--format', '{{.Id}}', IMAGE]);
    tmp = mkdtempSync(join(tmpdir(), 'lp-docker-batch-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function spec(name: string, script: string, extra: Partial<DockerBatchSpec> = {}): DockerBatchSpec {
    return {
      image: IMAGE,
      name: `lp-${id}-${name}`,
      runId: id,
      cwd: tmp,
      mounts: [],
      envNames: [],
      user: uid !== undefined && gid !== undefined ? `${uid}:${gid}` : undefined,
      command: ['sh', '-c', script],
      ...extra,
    };
  }

  function start(s: DockerBatchSpec, env: NodeJS.ProcessEnv = process.env) {
    const lines: string[] = [];
    const running = runDockerBatch({ phase: 'training', model: 'iris' }, s, env, (l) => lines.push(l));
    return { running, lines };
  }

  it('passes env values by name only, runs as the host user in the same cwd, binds paths as asked', async () => {
    const ro = join(tmp, 'ro');
    const rw = join(tmp, 'rw', 'nested');
    mkdirSync(ro);
    const s = spec(
      'env',
      'echo "value=$MLOPS__X other=${HOST_ONLY:-unset} user=$(id -u):$(id -g) cwd=$(pwd)"; ' +
        `echo out > ${rw}/out.txt; touch ${ro}/x 2>/dev/null || echo ro-refused`,
      {
        envNames: ['MLOPS__X'],
        mounts: [
          { path: ro, readOnly: true },
          { path: rw, readOnly: false },
        ],
      },
    );
    const { running, lines } = start(s, { ...process.env, MLOPS__X: 'value-from-env', HOST_ONLY: 'leak' });
    const result = await running.done;
    expect(result).toMatchObject({ exitCode: 0, signal: null, phase: 'training', model: 'iris' });
    expect(lines).toEqual([`value=value-from-env other=unset user=${uid}:${gid} cwd=${tmp}`, 'ro-refused']);
    expect(running.child.spawnargs.join(' ')).not.toContain('value-from-env');
    expect(statSync(join(rw, 'out.txt')).uid).toBe(uid);
    expect(containersNamed(s.name)).toEqual([]);
  });

  it('reports the exit code and error lines of a failed batch, and leaves no container', async () => {
    const s = spec('fail', 'echo "pipeline-x: boom" >&2; exit 3');
    const result = await start(s).running.done;
    expect(result).toMatchObject({ exitCode: 3, lastErrorLines: ['pipeline-x: boom'] });
    expect(containersNamed(s.name)).toEqual([]);
  });

  it('a missing read-only source is left out (not created as root), so the batch reports it', async () => {
    const missing = join(tmp, 'no-such-data');
    const s = spec('missing', `test -e ${missing} && echo present || echo absent`, {
      mounts: [{ path: missing, readOnly: true }],
    });
    const { running, lines } = start(s);
    expect((await running.done).exitCode).toBe(0);
    expect(lines).toEqual(['absent']);
    expect(existsSync(missing)).toBe(false);
  });

  it('removes the container when its client is SIGKILLed while the batch ignores signals', async () => {
    const s = spec('stuck', 'trap "" INT TERM; echo ready; while true; do sleep 1; done');
    const { running, lines } = start(s);
    for (let i = 0; i < 600 && !lines.includes('ready'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(containersNamed(s.name)).toEqual([s.name]);
    running.child.kill('SIGKILL');
    expect((await running.done).signal).toBe('SIGKILL');
    expect(containersNamed(s.name)).toEqual([]);
  });

  it('removeRunContainers removes what a killed run left under its run id, and only that', async () => {
    const left = `lp-${id}-left`;
    const other = `lp-${id}x-other`;
    docker(['create', '--label', `${RUN_ID_LABEL}=${id}`, '--name', left, IMAGE]);
    docker(['create', '--label', `${RUN_ID_LABEL}=${id}x`, '--name', other, IMAGE]);
    try {
      expect(await removeRunContainers(id)).toEqual([left]);
      expect(containersNamed(left)).toEqual([]);
      expect(containersNamed(other)).toEqual([other]);
    } finally {
      docker(['rm', '-f', other]);
    }
  });
});

describe('main job with --batches docker: Ctrl-C and SQLite', () => {
  let t: TestEnv;
  afterAll(() => disposeTestEnv(t)); // Ctrl-C detached: the job kept the stack running

  it('SIGINT during training: exit 130, no batch container left, the SQLite file owned by the host user', async () => {
    t = await makeTestEnv('lp-dint-', {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
    });
    const runId = `dint-${Date.now().toString(36)}`;
    const main = await startMainUntilTraining(
      [
        '--config-dir',
        CONFIG_DIR,
        '--models',
        'iris',
        '--runtime',
        'process',
        '--batches',
        'docker',
        '--run-id',
        runId,
      ],
      t.env,
    );
    const name = `lp-${runId}-iris-training`;
    expect(containersNamed(name)).toEqual([name]);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(130);
    expect(main.stdout()).toContain('iris/training │ pipeline-training: Interrupted by SIGINT');
    expect(docker(['ps', '-aq', '--filter', `label=${RUN_ID_LABEL}=${runId}`])).toBe('');
    // Written by the containerised batches through the read-write mount of its directory.
    expect(statSync(t.dbPath).uid).toBe(process.getuid?.());
  });
});
