import { execFileSync } from 'node:child_process';

const IMAGE = 'pipeline-runtime:latest';
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

describe(`${IMAGE} (real Docker)`, () => {
  beforeAll(() => {
    try {
      docker('info', '--format', '{{.ServerVersion}}');
    } catch {
      throw new Error('no Docker engine answers: run tools/ci/services.sh up');
    }
    try {
      docker('image', 'inspect', IMAGE);
    } catch {
      throw new Error(`image ${IMAGE} missing: run npx nx run pipeline-runtime:docker:build`);
    }
  });

  it('runs Node 24 under tini', () => {
    expect(docker('run', '--rm', IMAGE, 'node', '-p', 'process.version')).toMatch(/^v24\./);
    expect(docker('run', '--rm', IMAGE, 'cat', '/proc/1/comm')).toBe('tini');
  });

  it('runs as the unprivileged node user, for linux/amd64', () => {
    expect(docker('run', '--rm', IMAGE, 'id', '-un')).toBe('node');
    expect(docker('image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', IMAGE)).toBe('linux/amd64');
  });

  it('loads the prebuilt SQLite driver through NODE_PATH and runs a query', () => {
    const script =
      "const D=require('better-sqlite3');const d=new D(':memory:');" +
      "d.exec('create table t(x int)');d.prepare('insert into t values (?)').run(41);" +
      "console.log(d.prepare('select x+1 as y from t').get().y)";
    expect(docker('run', '--rm', IMAGE, 'node', '-e', script)).toBe('42');
  });

  it('holds no npm cache, credentials or sources in its layers', () => {
    const history = docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', IMAGE);
    expect(history).not.toMatch(/npmrc|_authToken|AWS_SECRET|PASSWORD/i);
    expect(docker('run', '--rm', IMAGE, 'sh', '-c', 'ls /opt/node_modules')).toBe(
      ['better-sqlite3', 'bindings', 'file-uri-to-path'].join('\n'),
    );
  });
});
