/** Runs the app's image the way SageMaker does, with a temp tree mounted at /opt/ml. */
import { spawn, spawnSync } from 'node:child_process';

export interface DockerResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails loudly when the daemon or the image is missing: these tests need both. */
export function requireImage(image: string): void {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`docker daemon not reachable: ${info.stderr.trim()}`);
  const inspect = spawnSync('docker', ['image', 'inspect', image], { encoding: 'utf8' });
  if (inspect.status !== 0)
    throw new Error(`image ${image} missing: run \`npx nx run ${image.split(':')[0]}:docker:build\``);
}

const user = () => `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;

export interface DockerRunOptions {
  name?: string;
  entrypoint?: string[];
  onStdout?: (text: string) => void;
}

/** `docker run --rm -v <base>:/opt/ml [--entrypoint ...] IMAGE args...` (as the job would run). */
export function dockerRun(
  image: string,
  base: string,
  args: string[],
  options: DockerRunOptions = {},
): Promise<DockerResult> {
  const [entry, ...entryArgs] = options.entrypoint ?? [];
  const argv = [
    'run',
    '--rm',
    '--user',
    user(),
    '-v',
    `${base}:/opt/ml`,
    ...(options.name ? ['--name', options.name] : []),
    ...(entry ? ['--entrypoint', entry] : []),
    image,
    ...entryArgs,
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('docker', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      options.onStdout?.(stdout);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function dockerStop(name: string, seconds = 30): void {
  spawnSync('docker', ['stop', '-t', String(seconds), name], { encoding: 'utf8' });
}

export function dockerRemove(name: string): void {
  spawnSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
}

export function containersNamed(prefix: string): string[] {
  const r = spawnSync('docker', ['ps', '-a', '--filter', `name=${prefix}`, '--format', '{{.Names}}'], {
    encoding: 'utf8',
  });
  return r.stdout.split('\n').filter(Boolean);
}
