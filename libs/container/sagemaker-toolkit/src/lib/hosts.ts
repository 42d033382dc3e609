/**
 * Wait until every host resolves in DNS (multi-host jobs: hostnames may resolve late, and
 * /etc/hosts must not be trusted). Same schedule as the Python toolkit: exponential backoff from
 * 100 ms, capped at 30 s per wait, giving up after 15 min.
 */
import { HostResolutionError } from './errors';

export interface WaitForHostsOptions {
  timeoutMs?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Resolver; defaults to dns.lookup (what the user process's sockets will use). */
  lookup?: (host: string) => Promise<unknown>;
  /** Aborts the wait (e.g. `stopSignal()`). */
  signal?: AbortSignal;
}

export const DEFAULT_DNS_TIMEOUT_MS = 15 * 60_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when all hosts resolve; throws HostResolutionError naming the unresolved ones on timeout. */
export async function waitForHosts(
  hosts: readonly string[],
  options: WaitForHostsOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS;
  const maxDelay = options.maxDelayMs ?? 30_000;
  // dns is required lazily: single-host jobs (most) never pay for loading it.
  const lookup =
    options.lookup ??
    ((h: string) => (require('node:dns/promises') as typeof import('node:dns/promises')).lookup(h));
  const deadline = Date.now() + timeoutMs;
  let delay = options.initialDelayMs ?? 100;
  let pending = [...hosts];
  for (;;) {
    const results = await Promise.all(
      pending.map((h) =>
        lookup(h).then(
          () => true,
          () => false,
        ),
      ),
    );
    pending = pending.filter((_h, i) => !results[i]);
    if (pending.length === 0) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new HostResolutionError(
        `hosts not resolvable after ${Math.round(timeoutMs / 1000)} s: ${pending.join(', ')}`,
      );
    }
    await sleep(Math.min(delay, left), options.signal);
    delay = Math.min(delay * 2, maxDelay);
  }
}
