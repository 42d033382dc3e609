/**
 * Metric lines for SageMaker MetricDefinitions. One line per value, e.g.
 *   `#metric train:loss=0.2513 step=3`
 * and the regex for a metric `<name>` is  `#metric <name>=([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)`
 * (`metricRegex(name)` builds it with the name escaped). NaN / Infinity are logged as `nan` / `inf`
 * and deliberately do not match, since SageMaker metrics cannot store them.
 */
import { ToolkitError } from './errors';

export const METRIC_PREFIX = '#metric';
const NAME = /^[A-Za-z0-9_.:/-]{1,255}$/;
const VALUE_PATTERN = '([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)';

export interface MetricOptions {
  /** Epoch or step number, appended as ` step=N` (ignored by the regex, useful when reading logs). */
  step?: number;
  /** Where to write; defaults to stdout (which SageMaker ships to CloudWatch Logs). */
  write?: (line: string) => void;
}

/** Formats one metric line (without the newline). */
export function formatMetric(name: string, value: number, step?: number): string {
  if (!NAME.test(name)) {
    throw new ToolkitError(`metric name "${name}" must match ${NAME.source} (no spaces or "=")`);
  }
  const v = Number.isNaN(value)
    ? 'nan'
    : value === Infinity
      ? 'inf'
      : value === -Infinity
        ? '-inf'
        : String(value);
  return `${METRIC_PREFIX} ${name}=${v}${step === undefined ? '' : ` step=${step}`}`;
}

/** Logs a metric value on its own line. */
export function logMetric(name: string, value: number, options: MetricOptions = {}): void {
  const line = formatMetric(name, value, options.step) + '\n';
  if (options.write) options.write(line);
  else process.stdout.write(line);
}

/** The MetricDefinitions `Regex` for a metric name. */
export function metricRegex(name: string): string {
  return `${METRIC_PREFIX} ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=${VALUE_PATTERN}`;
}

/** `{ Name, Regex }` entries ready for CreateTrainingJob's AlgorithmSpecification.MetricDefinitions. */
export function metricDefinitions(names: string[]): Array<{ Name: string; Regex: string }> {
  return names.map((Name) => ({ Name, Regex: metricRegex(Name) }));
}
