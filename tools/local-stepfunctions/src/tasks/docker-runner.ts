import { spawn } from 'node:child_process';
import type { ContainerResult, ContainerRun, ContainerRunner } from './container-runner';

export interface DockerRunnerOptions {
  /** `--network`: `host` reaches the local stack and PostgreSQL on loopback, as the batches on the host do. */
  network: string;
  /** Host env whose names are forwarded (`-e NAME`, values never in argv). */
  env: NodeJS.ProcessEnv;
  /** Names of `env` to forward. */
  forward: (name: string) => boolean;
  /** Each output line of a container, prefixed by the caller. */
  log: (container: string, line: string) => void;
}

/** Exit codes of `docker run` itself (daemon error, command not invocable, not found): the task never ran. */
const NOT_STARTED = new Set([125, 126, 127]);

/** `docker run` argv for one task: values of env variables never appear here (see `envNames`). */
export function dockerRunArgs(run: ContainerRun, network: string, envNames: readonly string[]): string[] {
  const args = ['run', '--rm', '--pull', 'never', '--name', run.name, '--network', network];
  for (const [k, v] of Object.entries(run.labels)) args.push('--label', `${k}=${v}`);
  for (const name of [...new Set([...envNames, ...Object.keys(run.environment)])].sort())
    args.push('-e', name);
  args.push(run.image, ...run.command);
  return args;
}

/** Runs each task as `docker run --rm` of its image and waits for it (the `.sync` of runTask.sync). */
export function dockerRunner(o: DockerRunnerOptions): ContainerRunner {
  return (run: ContainerRun) =>
    new Promise<ContainerResult>((resolve, reject) => {
      const envNames = Object.keys(o.env).filter((n) => o.forward(n) && o.env[n] !== undefined);
      const child = spawn('docker', dockerRunArgs(run, o.network, envNames), {
        env: { ...o.env, ...run.environment },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lastError = '';
      const lines = (stream: NodeJS.ReadableStream, isErr: boolean) => {
        let buf = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          buf += chunk;
          const parts = buf.split('\n');
          buf = parts.pop() ?? '';
          for (const l of parts) {
            if (isErr && l.trim() !== '') lastError = l;
            o.log(run.name, l);
          }
        });
        stream.on('end', () => {
          if (buf !== '') o.log(run.name, buf);
        });
      };
      lines(child.stdout, false);
      lines(child.stderr, true);
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== null && NOT_STARTED.has(code))
          resolve({ started: false, exitCode: null, reason: lastError || `docker run exited ${code}` });
        else resolve({ started: true, exitCode: code, reason: lastError || undefined });
      });
    });
}
