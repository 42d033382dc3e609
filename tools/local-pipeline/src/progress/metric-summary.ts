/** A job's metric line as the toolkit prints it and the batch relays it: `... #metric <name>=<value> [step=<n>]`. */
const METRIC_LINE = /#metric\s+(\S+?)=(\S+)(?:\s+step=(\d+))?\s*$/;

/**
 * Metric lines of one running phase, summarised: a training prints one per metric per step (thousands),
 * the terminal gets the count and the latest value of each. The full lines stay in the job's logs.
 */
export class MetricSummary {
  private count = 0;
  private step: string | undefined;
  private readonly latest = new Map<string, string>();

  /** True (and remembered) when `line` is a metric line. */
  take(line: string): boolean {
    const m = METRIC_LINE.exec(line);
    if (!m) return false;
    this.count++;
    this.latest.set(m[1], m[2]);
    if (m[3] !== undefined) this.step = m[3];
    return true;
  }

  /** `N metric lines, latest (step S): a=1.234, b=5.678`, or undefined when there were none. */
  describe(): string | undefined {
    if (this.count === 0) return undefined;
    const values = [...this.latest].map(([name, value]) => `${name}=${short(value)}`).join(', ');
    const step = this.step !== undefined ? ` (step ${this.step})` : '';
    return `${this.count} metric line(s) summarised, latest${step}: ${values}`;
  }
}

function short(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) && value.length > 8 ? String(Number(n.toPrecision(5))) : value;
}
