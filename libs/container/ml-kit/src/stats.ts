/** Per-column statistics (computed on the train split only, so nothing leaks from validation/test). */
export interface ColumnStats {
  count: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
}

export function columnStats(values: readonly number[]): ColumnStats {
  const count = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / count;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / count;
  return { count, mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

export function featureStats(X: number[][], features: readonly string[]): Record<string, ColumnStats> {
  return Object.fromEntries(features.map((name, j) => [name, columnStats(X.map((row) => row[j]))]));
}

/** Count per distinct value, keys in sorted order (class balance of a label column). */
export function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Per-feature statistics are per-column statistics (the name the classification app uses). */
export type FeatureStats = ColumnStats;
