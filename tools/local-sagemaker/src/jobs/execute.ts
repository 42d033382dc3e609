import { MetricParser } from '../metrics/metric-parser';
import type { HostExit, RunSpec } from '../runtime/types';
import type { JobRecord } from '../state/types';
import type { JobContext } from './context';
import type { RunControl } from './job-control';

/**
 * Runs the job's containers: one log stream per host (`<job>/algo-N-<epoch>`), MetricDefinitions applied
 * to every line, MaxRuntimeInSeconds enforced like a stop (signal, then SIGKILL after the grace period).
 */
export async function execute(
  ctx: JobContext,
  job: JobRecord,
  control: RunControl,
  spec: Omit<RunSpec, 'onOutput'>,
  opts: { logGroup: string; maxRuntimeSeconds?: number; metrics?: MetricParser },
): Promise<HostExit[]> {
  const epoch = Math.floor(Date.now() / 1000);
  const streamOf = new Map(spec.hosts.map((h) => [h.host, `${job.name}/${h.host}-${epoch}`]));
  for (const stream of streamOf.values()) ctx.logs.createStream(opts.logGroup, stream);
  ctx.store.update(job, { logStreams: [...streamOf.values()] });

  const handle = await ctx.runtime.run({
    ...spec,
    onOutput: (host, line) => {
      const now = Date.now();
      ctx.logs.append(opts.logGroup, streamOf.get(host) ?? `${job.name}/${host}-${epoch}`, line, now);
      opts.metrics?.onLine(line, now);
    },
  });
  ctx.store.update(job, { pids: handle.pids() });
  control.attach(handle);
  const timer =
    opts.maxRuntimeSeconds !== undefined
      ? setTimeout(() => control.stop('MaxRuntimeExceeded'), opts.maxRuntimeSeconds * 1000)
      : undefined;
  try {
    return await handle.done;
  } finally {
    if (timer) clearTimeout(timer);
    ctx.logs.flush();
  }
}
