import { spawn } from 'node:child_process';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `docker` CLI command to completion. */
export function docker(args: string[], env?: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<DockerResult> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `docker: ${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** Like `docker`, but throws with the command and its stderr on a non-zero exit. */
export async function dockerOk(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await docker(args, env);
  if (result.code !== 0)
    throw new Error(`docker ${args.slice(0, 2).join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** True when a Docker daemon answers within a few seconds. */
export async function dockerAvailable(): Promise<boolean> {
  return (await docker(['version', '--format', '{{.Server.Version}}'], undefined, 5_000)).code === 0;
}
