import { spawn } from 'node:child_process';
import type { Phase } from './phases';
import { RunningBatch, watchBatch } from './watch-batch';

export type { BatchResult, RunningBatch } from './watch-batch';

export interface BatchInvocation {
  phase: Phase;
  model: string;
  env: string;
  runId: string;
  configDir: string;
  /** Passes `--no-cache` (step cache off). */
  noCache?: boolean;
  /** The built bundle (`apps/pipeline-<phase>/dist/main.js`). */
  bundle: string;
  cwd: string;
  childEnv: NodeJS.ProcessEnv;
}

/** The batch CLI's argv: the same flags on the local stack and on AWS, as a process or in a container. */
export function batchArgs(
  inv: Pick<BatchInvocation, 'model' | 'env' | 'runId' | 'configDir' | 'noCache'>,
): string[] {
  const args = ['--model', inv.model, '--env', inv.env, '--run-id', inv.runId, '--config-dir', inv.configDir];
  return inv.noCache ? [...args, '--no-cache'] : args;
}

/** Runs one batch bundle with the current Node; every output line goes to `onLine` as it arrives. */
export function runBatch(
  inv: BatchInvocation,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): RunningBatch {
  const child = spawn(process.execPath, [inv.bundle, ...batchArgs(inv)], {
    cwd: inv.cwd,
    env: inv.childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, done: watchBatch(child, inv, inv.bundle, onLine) };
}
