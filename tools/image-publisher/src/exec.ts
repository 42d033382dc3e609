import { spawnSync } from 'node:child_process';

export interface ExecResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and captures its output; `input` goes to stdin (used for passwords, never argv). */
export function exec(cmd: string, args: string[], opts: { input?: string; cwd?: string } = {}): ExecResult {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    input: opts.input,
    cwd: opts.cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Like exec, but a non-zero exit becomes an error carrying the command and its stderr. */
export function execOk(cmd: string, args: string[], opts: { input?: string; cwd?: string } = {}): string {
  const r = exec(cmd, args, opts);
  if (r.status !== 0)
    throw new Error(`${cmd} ${args[0] ?? ''} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}
