import type { BatchResult } from '../batches/run-batch';
import type { Phase } from '../batches/phases';
import { formatDuration } from './format-duration';
import { MetricSummary } from './metric-summary';

export interface ProgressOptions {
  write: (text: string) => void;
  now?: () => number;
  /** Print a "still running" line after this much silence from a batch; 0 disables. */
  heartbeatMs?: number;
}

interface Current {
  model: string;
  phase: Phase;
  started: number;
  lastOutput: number;
  metrics: MetricSummary;
}

/**
 * Progress lines: which phase of which model runs, for how long, and the batch output prefixed with both.
 * Metric lines are not printed one by one: the heartbeat and the end of the phase show their latest values.
 */
export class Progress {
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private readonly started: number;
  /** Running phases by model: models may run side by side (`--parallel`). */
  private readonly current = new Map<string, Current>();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: ProgressOptions) {
    this.write = options.write;
    this.now = options.now ?? Date.now;
    this.started = this.now();
    const heartbeat = options.heartbeatMs ?? 15_000;
    if (heartbeat > 0) {
      this.timer = setInterval(() => this.heartbeat(heartbeat), Math.min(heartbeat, 5_000));
      this.timer.unref();
    }
  }

  info(message: string): void {
    this.write(`${message}\n`);
  }

  phaseStart(model: string, phase: Phase, step: number, steps: number): void {
    const t = this.now();
    this.current.set(model, { model, phase, started: t, lastOutput: t, metrics: new MetricSummary() });
    this.write(`\n▶ [${step}/${steps}] ${model} · ${phase}  (total ${formatDuration(t - this.started)})\n`);
  }

  line(model: string, phase: Phase, line: string): void {
    const c = this.current.get(model);
    if (c?.metrics.take(line)) return;
    if (c) c.lastOutput = this.now();
    this.write(`  ${model}/${phase} │ ${line}\n`);
  }

  phaseEnd(result: BatchResult): void {
    const metrics = this.current.get(result.model)?.metrics.describe();
    if (metrics) this.write(`  ${result.model}/${result.phase} │ ${metrics}\n`);
    this.current.delete(result.model);
    const ok = result.exitCode === 0;
    const how = ok
      ? 'ok'
      : result.signal
        ? `killed by ${result.signal}`
        : `FAILED (exit ${result.exitCode ?? '?'})`;
    this.write(
      `${ok ? '✔' : '✘'} ${result.model} · ${result.phase} ${how} in ${formatDuration(result.durationMs)}\n`,
    );
  }

  elapsedMs(): number {
    return this.now() - this.started;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private heartbeat(after: number): void {
    const t = this.now();
    for (const c of this.current.values()) {
      if (t - c.lastOutput < after) continue;
      c.lastOutput = t;
      const metrics = c.metrics.describe();
      this.write(
        `  … ${c.model} · ${c.phase} still running (${formatDuration(t - c.started)})` +
          `${metrics ? `: ${metrics}` : ''}\n`,
      );
    }
  }
}
