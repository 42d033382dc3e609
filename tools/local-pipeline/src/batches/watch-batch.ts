import type { ChildProcess } from 'node:child_process';
import { LineSplitter } from './line-splitter';
import type { Phase } from './phases';

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
  /** The process to signal on Ctrl-C: the batch itself, or the `docker run` client of its container. */
  child: ChildProcess;
  done: Promise<BatchResult>;
}

const KEEP_ERROR_LINES = 3;
const STACK_FRAME = /^\s+at\s/;

/**
 * Streams a started batch's output line by line to `onLine` and resolves with its result once the
 * streams are drained. `what` names the command in the error line when it cannot be started.
 */
export function watchBatch(
  child: ChildProcess,
  batch: { phase: Phase; model: string },
  what: string,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): Promise<BatchResult> {
  const started = Date.now();
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
  return new Promise<BatchResult>((resolve) => {
    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      out.flush();
      err.flush();
      resolve({
        phase: batch.phase,
        model: batch.model,
        exitCode,
        signal,
        durationMs: Date.now() - started,
        lastErrorLines: [...errors],
      });
    };
    child.on('error', (e) => {
      errors.push(`cannot start ${what}: ${e.message}`);
      finish(127, null);
    });
    // 'close' (not 'exit') so the streams are fully read.
    child.on('close', finish);
  });
}
