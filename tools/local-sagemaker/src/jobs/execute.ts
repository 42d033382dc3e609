import { MetricParser } from '../metrics/metric-parser';
import type { HostExit, RunSpec } from '../runtime/types';
import type { JobRecord } from '../state/types';
import type { JobContext } from './context';
import type { RunControl } from './job-control';

/** Thrown when a restarted emulator cannot follow a job that its dead predecessor started. */
export class CannotAdoptError extends Error {}

/**
 * Runs the job's containers: one log stream per host (`<job>/algo-N-<epoch>`), MetricDefinitions applied
 * to every line, MaxRuntimeInSeconds enforced like a stop (signal, then SIGKILL after the grace period).
 * With `adopt`, follows the processes a dead emulator started instead: their output is read again from
 * the start, for the metrics, and only the lines the log store does not have yet are appended.
 */
export async function execute(
  ctx: JobContext,
  job: JobRecord,
  control: RunControl,
  spec: Omit<RunSpec, 'onOutput'>,
  opts: { logGroup: string; maxRuntimeSeconds?: number; metrics?: MetricParser; adopt?: boolean },
): Promise<HostExit[]> {
  const epoch = Math.floor(Date.now() / 1000);
  const streamOf = new Map(
    spec.hosts.map((h) => [
      h.host,
      (opts.adopt && job.logStreams.find((s) => s.startsWith(`${job.name}/${h.host}-`))) ||
        `${job.name}/${h.host}-${epoch}`,
    ]),
  );
  for (const stream of streamOf.values()) ctx.logs.createStream(opts.logGroup, stream);
  ctx.store.update(job, { logStreams: [...streamOf.values()] });
  const stored = new Map([...streamOf].map(([host, s]) => [host, ctx.logs.count(opts.logGroup, s)]));
  const seen = new Map<string, number>();

  const fullSpec: RunSpec = {
    ...spec,
    onOutput: (host, line) => {
      const now = Date.now();
      const n = seen.get(host) ?? 0;
      seen.set(host, n + 1);
      if (!opts.adopt || n >= (stored.get(host) ?? 0))
        ctx.logs.append(opts.logGroup, streamOf.get(host) ?? `${job.name}/${host}-${epoch}`, line, now);
      opts.metrics?.onLine(line, now);
    },
  };
  const handle = opts.adopt ? ctx.runtime.adopt(fullSpec, job.run) : await ctx.runtime.run(fullSpec);
  if (!handle)
    throw new CannotAdoptError(
      `the local-sagemaker running this job stopped before the job finished, and the restarted one could not ` +
        `find the job's processes or their exit status (runner died)`,
    );
  ctx.store.update(job, { run: handle.record() ?? { token: '', hosts: [] } });
  control.attach(handle);
  const elapsedMs = opts.adopt && job.startTime !== undefined ? Date.now() - job.startTime : 0;
  const timer =
    opts.maxRuntimeSeconds !== undefined
      ? setTimeout(
          () => control.stop('MaxRuntimeExceeded'),
          Math.max(0, opts.maxRuntimeSeconds * 1000 - elapsedMs),
        )
      : undefined;
  try {
    return await handle.done;
  } finally {
    if (timer) clearTimeout(timer);
    ctx.logs.flush();
  }
}
