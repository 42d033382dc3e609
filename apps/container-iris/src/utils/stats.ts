/** Per-feature statistics (computed on the train split only, so nothing leaks from validation/test). */
export interface FeatureStats {
  count: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
}

export function featureStats(X: number[][], features: readonly string[]): Record<string, FeatureStats> {
  const out: Record<string, FeatureStats> = {};
  features.forEach((name, j) => {
    const col = X.map((row) => row[j]);
    const count = col.length;
    const mean = col.reduce((s, v) => s + v, 0) / count;
    const variance = col.reduce((s, v) => s + (v - mean) ** 2, 0) / count;
    out[name] = { count, mean, std: Math.sqrt(variance), min: Math.min(...col), max: Math.max(...col) };
  });
  return out;
}

export function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}
