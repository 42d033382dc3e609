/**
 * Stop semantics. SageMaker stops a training job like `docker stop -t 120` (SIGTERM, SIGKILL 120 s
 * later) and a processing job with SIGINT then SIGKILL. The Python toolkit installs no handler;
 * we do, so jobs get an AbortSignal / onStop hook to checkpoint before the SIGKILL.
 */

/** Grace period we allow after SIGTERM: under the platform's 120 s, leaving time to write markers. */
export const DEFAULT_STOP_GRACE_MS = 110_000;

export type StopHandler = (signal: NodeJS.Signals) => void | Promise<void>;

// Created on first use: AbortController is a lazily loaded global, not worth loading for `train`.
let controller: AbortController | undefined;
const abortController = () => (controller ??= new AbortController());
let stoppedBy: NodeJS.Signals | undefined;
const handlers = new Set<StopHandler>();

/** Aborted once the job is asked to stop; pass it to fetch, streams, timers or your own loops. */
export function stopSignal(): AbortSignal {
  return abortController().signal;
}

/** The signal that stopped the job, if any. */
export function stopRequestedBy(): NodeJS.Signals | undefined {
  return stoppedBy;
}

/**
 * Runs `handler` when the job is asked to stop (e.g. to write a checkpoint). Returns an
 * unsubscribe function. Handlers registered after the stop run at once.
 */
export function onStop(handler: StopHandler): () => void {
  handlers.add(handler);
  if (stoppedBy) void Promise.resolve().then(() => handler(stoppedBy as NodeJS.Signals));
  return () => handlers.delete(handler);
}

/** Marks the job as stopping: aborts the signal and runs every onStop handler (errors are logged). */
export async function requestStop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (stoppedBy) return;
  stoppedBy = signal;
  abortController().abort(new Error(`job stopped by ${signal}`));
  await Promise.all(
    [...handlers].map(async (h) => {
      try {
        await h(signal);
      } catch (e) {
        process.stderr.write(`onStop handler failed: ${(e as Error)?.stack ?? String(e)}\n`);
      }
    }),
  );
}

/** Installs process handlers for `signals` that call requestStop. Returns an uninstall function. */
export function installStopHandlers(
  signals: NodeJS.Signals[] = ['SIGTERM'],
  onSignal: (signal: NodeJS.Signals) => void = (s) => void requestStop(s),
): () => void {
  const listeners = signals.map((s) => {
    const listener = () => onSignal(s);
    process.on(s, listener);
    return [s, listener] as const;
  });
  return () => listeners.forEach(([s, l]) => process.off(s, l));
}

/** Test helper: forget a previous stop so one process can run several jobs. */
export function resetStopState(): void {
  controller = undefined;
  stoppedBy = undefined;
  handlers.clear();
}

/** Env override of the grace period (seconds), e.g. for local runs and tests. */
export const STOP_GRACE_ENV = 'SAGEMAKER_TOOLKIT_STOP_GRACE_SECONDS';

export function graceMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[STOP_GRACE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_STOP_GRACE_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    process.stderr.write(
      `[sagemaker-toolkit] ignoring ${STOP_GRACE_ENV}="${raw}" (not a number of seconds)\n`,
    );
    return DEFAULT_STOP_GRACE_MS;
  }
  return seconds * 1000;
}
