import { InterruptedError } from '../errors/pipeline-errors';
import type { JobDescription } from '../sagemaker/job-description';
import { isTerminal } from '../sagemaker/job-description';
import type { JobKind } from '../sagemaker/job-kind';
import type { LogLine } from '../sagemaker/log-tail';
import type { ProgressPrinter } from './progress-printer';

export interface WaitDeps {
  describe(kind: JobKind, name: string): Promise<JobDescription | undefined>;
  /** New log lines since the last call (a LogTail); omit to wait without logs. */
  pollLogs?: () => Promise<LogLine[]>;
  printer: ProgressPrinter;
}

export interface WaitOptions {
  /**
   * Longest pause between describes; default 2000 ms. Polling starts at 250 ms and backs off to it, so
   * short local jobs are noticed at once and long AWS jobs are not polled harder than the SDKs do.
   */
  pollMs?: number;
  /** Aborting stops the wait (not the job) with an InterruptedError. */
  signal?: AbortSignal;
  /** Called on every status or secondary-status change, e.g. to record it in the DB. */
  onChange?: (d: JobDescription) => Promise<void>;
}

/**
 * Polls until the job is terminal, printing each status transition with the elapsed time and the
 * job's log lines as they arrive. Returns the final description (Completed, Failed or Stopped).
 */
export async function waitForJob(
  deps: WaitDeps,
  kind: JobKind,
  name: string,
  opts: WaitOptions = {},
): Promise<JobDescription> {
  const pollMs = opts.pollMs ?? 2000;
  const started = Date.now();
  let last = '';
  let delay = Math.min(250, pollMs);
  for (;;) {
    if (opts.signal?.aborted) throw new InterruptedError(String(opts.signal.reason ?? 'abort'));
    const d = await deps.describe(kind, name);
    if (!d) throw new Error(`Job ${name} disappeared from SageMaker while waiting`);
    const key = `${d.status}/${d.secondaryStatus ?? ''}`;
    if (key !== last) {
      last = key;
      deps.printer.status(name, d.status, d.secondaryStatus, d.startTime?.getTime() ?? started);
      await opts.onChange?.(d);
    }
    // Logs after the status: on the terminal poll this drains what the job printed last.
    if (deps.pollLogs) for (const l of await deps.pollLogs()) deps.printer.log(l.host, l.message);
    if (isTerminal(d.status)) return d;
    await sleep(delay, opts.signal);
    delay = Math.min(pollMs, Math.ceil(delay * 1.5));
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
