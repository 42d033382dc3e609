import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** One emulator per state dir: a second one would mark the first one's running jobs as orphans. */
export function acquireStateLock(stateDir: string, info: Record<string, unknown>): () => void {
  const file = join(stateDir, 'emulator.lock');
  if (existsSync(file)) {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; runnerId?: string };
    if (holder.pid && holder.pid !== process.pid && isAlive(holder.pid))
      throw new Error(
        `State dir ${stateDir} is in use by another local-sagemaker (pid ${holder.pid}, ${file})`,
      );
    if (holder.pid === process.pid && holder.runnerId && liveInProcess.has(holder.runnerId))
      throw new Error(`State dir ${stateDir} is in use by another local-sagemaker in this process`);
  }
  writeFileAtomic(file, JSON.stringify({ pid: process.pid, ...info }));
  const runnerId = String(info.runnerId ?? '');
  liveInProcess.add(runnerId);
  return () => {
    liveInProcess.delete(runnerId);
    rmSync(file, { force: true });
  };
}

const liveInProcess = new Set<string>();

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
