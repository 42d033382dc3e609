import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process as the kernel knows it: the pid alone is not an identity (pids are reused), the pid plus its
 * start time (field 22 of /proc/<pid>/stat, clock ticks since boot) is. Linux only: elsewhere nothing can be
 * proven, so {@link isSameProcess} says false and nothing gets signalled.
 */
export interface ProcessId {
  pid: number;
  startTime: string;
}

export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function identify(pid: number): ProcessId | undefined {
  const startTime = startTimeOf(pid);
  return startTime === undefined ? undefined : { pid, startTime };
}

/** True when the process that `id` recorded is still running (not a later process that got its pid). */
export function isSameProcess(id: ProcessId | undefined): boolean {
  return id !== undefined && startTimeOf(id.pid) === id.startTime && !isZombie(id.pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Sends `signal` only if `id` is still the process it was; false when it is gone (or was never provable). */
export function signalProcess(id: ProcessId, signal: NodeJS.Signals): boolean {
  if (!isSameProcess(id)) return false;
  try {
    process.kill(id.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The environment variable that marks every process of one job run (inherited through fork, exec and setsid). */
export const JOB_TOKEN_VAR = 'LSM_JOB_TOKEN';

/**
 * Every live process of ours whose environment carries `<JOB_TOKEN_VAR>=<token>`: the job's processes,
 * including those that left its process group or session. The token is 128 random bits, so finding it in a
 * process's environment is the proof that the process is the job's. (A process that scrubs its own
 * environment escapes; documented in the README.)
 */
export function processesWithToken(token: string): ProcessId[] {
  const needle = Buffer.from(`\0${JOB_TOKEN_VAR}=${token}\0`);
  const found: ProcessId[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let environ: Buffer;
    try {
      environ = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]);
    } catch {
      continue; // gone, or not ours
    }
    if (environ.indexOf(needle) < 0) continue;
    const id = identify(pid);
    if (id && !isZombie(pid)) found.push(id);
  }
  return found;
}
