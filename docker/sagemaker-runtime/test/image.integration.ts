import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const IMAGE = 'sagemaker-runtime:latest';
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

/** The JSON (exec form) argument of a Dockerfile instruction of this project. */
function dockerfileInstruction(name: string): string[] {
  const dockerfile = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8');
  const line = dockerfile.split('\n').find((l) => l.startsWith(`${name} [`));
  if (!line) throw new Error(`docker/sagemaker-runtime/Dockerfile has no exec-form ${name}`);
  return JSON.parse(line.slice(name.length + 1)) as string[];
}

describe(`${IMAGE} (real Docker)`, () => {
  beforeAll(() => {
    // Fail loudly, naming the fix, rather than skipping when the engine or the image is missing.
    try {
      docker('info', '--format', '{{.ServerVersion}}');
    } catch {
      throw new Error('no Docker engine answers: run tools/ci/services.sh up');
    }
    try {
      docker('image', 'inspect', IMAGE);
    } catch {
      throw new Error(`image ${IMAGE} missing: run npx nx run sagemaker-runtime:docker:build`);
    }
  });

  it('runs Node 24', () => {
    expect(docker('run', '--rm', IMAGE, 'node', '-p', 'process.version')).toMatch(/^v24\./);
  });

  it('puts `train` on PATH, as `docker run IMAGE train` requires', () => {
    expect(docker('run', '--rm', IMAGE, 'sh', '-c', 'command -v train')).toBe('/usr/local/bin/train');
  });

  // The entrypoint is written once, in the Dockerfile (exec form); tini is the image's own binary.
  it('has tini as PID 1 and `train` as the default command', () => {
    const config = JSON.parse(docker('image', 'inspect', '--format', '{{json .Config}}', IMAGE));
    const entrypoint = dockerfileInstruction('ENTRYPOINT');
    expect(config.Entrypoint).toEqual(entrypoint);
    expect(basename(entrypoint[0])).toBe('tini');
    expect(entrypoint.slice(1)).toEqual(['-g', '--']);
    expect(config.Cmd).toEqual(['train']);
    expect(docker('run', '--rm', IMAGE, 'cat', '/proc/1/comm')).toBe('tini');
  });

  it('carries OCI labels', () => {
    const labels = JSON.parse(docker('image', 'inspect', '--format', '{{json .Config.Labels}}', IMAGE));
    expect(labels['org.opencontainers.image.title']).toBe('sagemaker-runtime');
    expect(labels['org.opencontainers.image.revision']).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(labels['org.opencontainers.image.licenses']).toBe('MIT');
    expect(labels['org.opencontainers.image.source']).toMatch(/^(https:\/\/\S+|unknown)$/);
  });

  it('is built for linux/amd64, as SageMaker runs it, and stays root (SageMaker mounts /opt/ml root-owned)', () => {
    expect(docker('image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', IMAGE)).toBe('linux/amd64');
    expect(docker('run', '--rm', IMAGE, 'id', '-u')).toBe('0');
  });

  it('forwards SIGTERM from `docker stop` to the job, which can clean up and exit', async () => {
    const name = `mlops-sigterm-${process.pid}-${Date.now()}`;
    const script =
      "process.on('SIGTERM',()=>{console.log('got SIGTERM');process.exit(0)});console.log('ready');setInterval(()=>{},1000)";
    const run = spawn('docker', ['run', '--rm', '--name', name, IMAGE, 'node', '-e', script]);
    let out = '';
    run.stdout.on('data', (d) => (out += d));
    await new Promise<void>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`container never printed ready: ${out}`)), 20_000);
      run.stdout.on('data', () => out.includes('ready') && (clearTimeout(t), ok()));
    });
    docker('stop', '-t', '20', name);
    const code = await new Promise<number | null>((ok) => run.on('close', ok));
    expect(out).toContain('got SIGTERM');
    // Without an init forwarding the signal, docker stop would SIGKILL after 20 s: exit 137.
    expect(code).toBe(0);
  }, 40_000);
});
