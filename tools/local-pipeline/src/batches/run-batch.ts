import { ChildProcess, spawn } from 'node:child_process';
import { LineSplitter } from './line-splitter';
import type { Phase } from './phases';

export interface BatchInvocation {
  phase: Phase;
  model: string;
  env: string;
  runId: string;
  configDir: string;
  /** The built bundle (`apps/pipeline-<phase>/dist/main.js`). */
  bundle: string;
  cwd: string;
  childEnv: NodeJS.ProcessEnv;
}

export interface BatchResult {
  phase: Phase;
  model: string;
  /** Exit code; null when killed by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** The last stderr lines, for the summary of a failed batch. */
  lastErrorLines: string[];
}

export interface RunningBatch {
  child: ChildProcess;
  done: Promise<BatchResult>;
}

const KEEP_ERROR_LINES = 3;
const STACK_FRAME = /^\s+at\s/;

/** The batch CLI's argv: the same flags on the local stack and on AWS. */
export function batchArgs(inv: Pick<BatchInvocation, 'model' | 'env' | 'runId' | 'configDir'>): string[] {
  return ['--model', inv.model, '--env', inv.env, '--run-id', inv.runId, '--config-dir', inv.configDir];
}

/** Runs one batch bundle with the current Node; every output line goes to `onLine` as it arrives. */
export function runBatch(
  inv: BatchInvocation,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): RunningBatch {
  const started = Date.now();
  const child = spawn(process.execPath, [inv.bundle, ...batchArgs(inv)], {
    cwd: inv.cwd,
    env: inv.childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  const out = new LineSplitter((l) => onLine(l, 'stdout'));
  const err = new LineSplitter((l) => {
    // Stack frames and blank lines say nothing in a one-line failure summary.
    if (l.trim() !== '' && !STACK_FRAME.test(l)) {
      errors.push(l.trim());
      if (errors.length > KEEP_ERROR_LINES) errors.shift();
    }
    onLine(l, 'stderr');
  });
  child.stdout?.setEncoding('utf8').on('data', (c: string) => out.push(c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => err.push(c));
  const done = new Promise<BatchResult>((resolve) => {
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      out.flush();
      err.flush();
      resolve({
        phase: inv.phase,
        model: inv.model,
        exitCode,
        signal,
        durationMs: Date.now() - started,
        lastErrorLines: [...errors],
      });
    };
    child.on('error', (e) => {
      errors.push(`cannot start ${inv.bundle}: ${e.message}`);
      finish(127, null);
    });
    // 'close' (not 'exit') so the streams are fully read.
    child.on('close', finish);
  });
  return { child, done };
}
