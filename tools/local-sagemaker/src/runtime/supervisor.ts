import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { identify, JOB_TOKEN_VAR } from '../proc/identity';

/**
 * The per-host supervisor: a POSIX shell that runs the host's command with the job token in its
 * environment, waits for it and records its exit status in a file (written, then renamed, so a reader
 * never sees half of it). It runs in its own session with its output in a file, so it and the job keep
 * running when the emulator dies, and a restarted emulator still learns how the job ended. The shell
 * itself does not carry the token, so a stop never signals it; the `trap` keeps a stray signal from
 * ending it before it has written the status.
 */
const SCRIPT = [
  'exit_file=$1; shift',
  "trap ':' TERM INT HUP",
  `t=$LSM_SUPERVISE; unset LSM_SUPERVISE`,
  `${JOB_TOKEN_VAR}=$t "$@"`,
  'code=$?',
  `printf '%s\\n' "$code" > "$exit_file.tmp" && mv "$exit_file.tmp" "$exit_file"`,
].join('\n');

export interface SupervisedHost {
  child: ChildProcess;
  startTime: string;
}

export function spawnSupervised(
  argv: string[],
  opts: { cwd: string; env: Record<string, string>; token: string; outFile: string; exitFile: string },
): SupervisedHost {
  const out = openSync(opts.outFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn('/bin/sh', ['-c', SCRIPT, 'local-sagemaker-supervisor', opts.exitFile, ...argv], {
      cwd: opts.cwd,
      env: { ...opts.env, LSM_SUPERVISE: opts.token },
      stdio: ['ignore', out, out],
      detached: true,
    });
  } finally {
    closeSync(out);
  }
  const startTime = child.pid !== undefined ? identify(child.pid)?.startTime : undefined;
  return { child, startTime: startTime ?? '' };
}
