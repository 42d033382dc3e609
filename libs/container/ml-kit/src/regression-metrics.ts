/** Regression metrics. R² = 1 - SS_res / SS_tot (can be negative for a model worse than the mean). */
export interface RegressionMetrics {
  rmse: number;
  mae: number;
  r2: number;
  n: number;
}

export function regressionMetrics(
  actual: readonly number[],
  predicted: readonly number[],
): RegressionMetrics {
  if (actual.length !== predicted.length)
    throw new Error(`metrics: ${actual.length} values vs ${predicted.length} predictions`);
  const n = actual.length;
  if (n === 0) throw new Error('metrics: no samples');
  const mean = actual.reduce((s, v) => s + v, 0) / n;
  let se = 0;
  let ae = 0;
  let tot = 0;
  actual.forEach((a, i) => {
    se += (a - predicted[i]) ** 2;
    ae += Math.abs(a - predicted[i]);
    tot += (a - mean) ** 2;
  });
  return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tot === 0 ? (se === 0 ? 1 : 0) : 1 - se / tot, n };
}
