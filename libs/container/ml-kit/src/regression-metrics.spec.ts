import { regressionMetrics } from './regression-metrics';

describe('regressionMetrics', () => {
  it('hand-computed RMSE, MAE and R²', () => {
    // errors 1, -1, 2, 0 -> SS_res = 6 ; mean(actual) = 4 -> SS_tot = 4 + 0 + 4 + 0 = 8
    const m = regressionMetrics([2, 4, 6, 4], [3, 3, 8, 4]);
    expect(m.rmse).toBeCloseTo(Math.sqrt(6 / 4), 12);
    expect(m.mae).toBeCloseTo(1, 12);
    expect(m.r2).toBeCloseTo(1 - 6 / 8, 12);
    expect(m.n).toBe(4);
  });

  it('perfect predictions give R² 1; predicting the mean gives 0; worse is negative', () => {
    expect(regressionMetrics([1, 2, 3], [1, 2, 3])).toEqual({ rmse: 0, mae: 0, r2: 1, n: 3 });
    expect(regressionMetrics([1, 2, 3], [2, 2, 2]).r2).toBeCloseTo(0, 12);
    expect(regressionMetrics([1, 2, 3], [3, 2, 1]).r2).toBeLessThan(0);
  });

  it('rejects mismatched or empty input', () => {
    expect(() => regressionMetrics([1], [])).toThrow('1 values vs 0 predictions');
    expect(() => regressionMetrics([], [])).toThrow('no samples');
  });
});
