import type { MetricValue } from '../state/types';

export interface MetricDefinition {
  Name: string;
  Regex: string;
}

/** Applies MetricDefinitions to log lines as SageMaker does: the first capture group (or the whole
 *  match) is the value; FinalMetricDataList keeps the last value seen per metric. */
export class MetricParser {
  private readonly defs: { name: string; re: RegExp }[];
  private readonly last = new Map<string, MetricValue>();

  constructor(definitions: MetricDefinition[] = []) {
    this.defs = definitions.map((d) => ({ name: d.Name, re: new RegExp(d.Regex) }));
  }

  onLine(line: string, timestamp: number): void {
    for (const { name, re } of this.defs) {
      const match = re.exec(line);
      if (!match) continue;
      const value = Number.parseFloat(match[1] ?? match[0]);
      if (Number.isFinite(value))
        this.last.set(name, { MetricName: name, Value: value, Timestamp: timestamp });
    }
  }

  /** In MetricDefinitions order, not first-seen order: stdout and stderr lines interleave differently
   *  from run to run, and callers (and tests) should see the same list for the same job. */
  final(): MetricValue[] {
    const names = [...new Set(this.defs.map((d) => d.name))];
    return names.flatMap((name) => this.last.get(name) ?? []);
  }
}
