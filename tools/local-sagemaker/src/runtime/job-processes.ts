import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isSameProcess, processesWithToken, signalProcess } from '../proc/identity';
import { OutputTail } from './output-tail';
import type { HostExit, HostProcess, RunHandle, RunRecord } from './types';

const POLL_MS = 100;

/**
 * Follows the hosts of a process-runtime job, whether this emulator started them (`children`) or a
 * dead one did: output from each host's file, exit status from the supervisor's exit file. Stop and
 * MaxRuntime signal every process that carries the job's token (also those that called setsid), then
 * SIGKILL them after the grace; when the hosts are done, whatever of the job is left is killed, as
 * the instance would be torn down on SageMaker.
 */
export function followJob(
  record: RunRecord,
  stopSignal: NodeJS.Signals,
  onOutput: (host: string, line: string) => void,
  children: Map<string, ChildProcess> = new Map(),
): RunHandle {
  let wake: (() => void) | undefined;
  const spawnErrors = new Map<string, string>();
  for (const [host, child] of children) {
    child.on('error', (err) => spawnErrors.set(host, `cannot start the job's supervisor: ${err.message}`));
    child.on('exit', () => wake?.());
  }
  let killTimer: NodeJS.Timeout | undefined;
  const tails = record.hosts.map((h) => new OutputTail(h.outFile, (line) => onOutput(h.host, line)));

  const done = (async (): Promise<HostExit[]> => {
    const exits = new Map<string, HostExit>();
    while (exits.size < record.hosts.length) {
      await Promise.all(tails.map((t) => t.read()));
      for (const host of record.hosts) {
        if (exits.has(host.host)) continue;
        const exit = hostExit(host, spawnErrors.get(host.host));
        if (exit) exits.set(host.host, exit);
      }
      if (exits.size < record.hosts.length)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, POLL_MS);
        });
    }
    await Promise.all(tails.map((t) => t.read(true)));
    if (killTimer) clearTimeout(killTimer);
    signalAll(record.token, 'SIGKILL');
    return record.hosts.map((h) => exits.get(h.host)!);
  })();

  return {
    done,
    record: () => record,
    stop(graceMs: number) {
      if (killTimer) return;
      signalAll(record.token, stopSignal);
      killTimer = setTimeout(() => signalAll(record.token, 'SIGKILL'), graceMs);
    },
  };
}

function hostExit(host: HostProcess, spawnError: string | undefined): HostExit | undefined {
  if (spawnError) return { host: host.host, exitCode: 127, error: spawnError };
  if (existsSync(host.exitFile)) {
    const code = Number(readFileSync(host.exitFile, 'utf8').trim());
    return { host: host.host, exitCode: Number.isInteger(code) ? code : null };
  }
  if (isSameProcess({ pid: host.pid, startTime: host.startTime })) return undefined;
  return {
    host: host.host,
    exitCode: null,
    error: `the supervisor of ${host.host} (pid ${host.pid}) ended without recording the job's exit status`,
  };
}

/** Signals every live process of the job; each one is proven the job's by the token in its environment. */
export function signalAll(token: string, signal: NodeJS.Signals): number {
  let count = 0;
  for (const id of processesWithToken(token)) if (signalProcess(id, signal)) count++;
  return count;
}

/** True while any host's supervisor still runs or has left its exit status: the job can be followed. */
export function canFollow(record: RunRecord): boolean {
  return record.hosts.every(
    (h) => existsSync(h.exitFile) || isSameProcess({ pid: h.pid, startTime: h.startTime }),
  );
}
