/** Reads the `#metric` lines a job prints (what SageMaker's metric definitions match). */
/** Metric values logged as `#metric <name>=<value>`, in order. */
export function metricValues(stdout: string, name: string): number[] {
  const re = new RegExp(
    `^#metric ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)`,
    'gm',
  );
  return [...stdout.matchAll(re)].map((m) => Number(m[1]));
}
