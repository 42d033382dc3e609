import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { identify, isSameProcess, ProcessId } from '../proc/identity';

/**
 * One emulator per state dir: a second one would take the first one's running jobs for orphans.
 *
 * The lock file appears atomically with its full content (written to a private temp file, then `link`ed,
 * which fails with EEXIST when the name exists): of any number of simultaneous starts exactly one wins.
 * A lock whose holder is provably gone (pid + start time, see proc/identity) is stale; taking it over is
 * itself guarded by a second lock file, so two starters cannot both replace the same stale lock.
 */
export function acquireStateLock(stateDir: string, info: Record<string, unknown>): () => void {
  const file = join(stateDir, 'emulator.lock');
  const me = identify(process.pid);
  const content = JSON.stringify({ ...me, pid: process.pid, ...info });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(file, content)) return () => releaseIfOurs(file, content);
    const holder = readHolder(file);
    if (holder === undefined) continue; // removed meanwhile: try again
    if (holderAlive(holder.parsed))
      throw new Error(
        `State dir ${stateDir} is in use by another local-sagemaker (pid ${holder.parsed.pid}, ${file})`,
      );
    removeStale(file, holder.raw, content);
  }
  throw new Error(`State dir ${stateDir}: could not take the lock ${file} (too much contention)`);
}

function tryCreate(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readHolder(
  file: string,
): { raw: string; parsed: Partial<ProcessId> & { pid?: number } } | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { raw, parsed: JSON.parse(raw) as Partial<ProcessId> };
  } catch {
    // Not ours to judge (the file appears complete, so this is damage): a missing identity counts as dead.
    return { raw, parsed: {} };
  }
}

function holderAlive(holder: Partial<ProcessId>): boolean {
  if (typeof holder.pid !== 'number') return false;
  // Without a start time (an old lock, or no /proc) the pid is all we have: be safe and call it alive.
  if (typeof holder.startTime !== 'string') return isAlive(holder.pid);
  return isSameProcess({ pid: holder.pid, startTime: holder.startTime });
}

/** Replaces a stale lock under the takeover guard; returns without doing anything if another starter is at it. */
function removeStale(file: string, staleContent: string, content: string): void {
  const guard = `${file}.takeover`;
  if (!tryCreate(guard, content)) {
    const other = readHolder(guard);
    // A takeover whose starter died in the middle (a crash within microseconds): clear it.
    if (other && !holderAlive(other.parsed)) releaseIfOurs(guard, other.raw);
    else sleepMs(5);
    return;
  }
  try {
    const now = readHolder(file);
    if (now?.raw === staleContent) rmSync(file, { force: true });
  } finally {
    releaseIfOurs(guard, content);
  }
}

function releaseIfOurs(file: string, content: string): void {
  try {
    if (readFileSync(file, 'utf8') === content) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
