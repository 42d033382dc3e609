import { Matrix, solve } from 'ml-matrix';
import { initParams, predictStandardized, sgdEpoch, standardization, standardize } from './linear';
import { mulberry32 } from '@mlops/ml-kit';

// y = 3 + 2 z1 - 1 z2 + small noise, on standardised features.
const rng = mulberry32(9);
const X = Array.from({ length: 200 }, () => [rng() * 10, 50 + rng() * 5]);
const mean = [0, 1].map((j) => X.reduce((s, r) => s + r[j], 0) / X.length);
const std = [0, 1].map((j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / X.length));
const s = standardization(mean, std);
const Z = standardize(X, s);
const y = Z.to2DArray().map((z) => 3 + 2 * z[0] - z[1] + (rng() - 0.5) * 0.1);

describe('ridge regression by mini-batch gradient descent', () => {
  it('standardises to zero mean / unit std and maps a constant column to 0', () => {
    const cols = Z.transpose().to2DArray();
    cols.forEach((c) => expect(c.reduce((a, b) => a + b, 0) / c.length).toBeCloseTo(0, 10));
    expect(standardization([5], [0]).std).toEqual([1]);
    expect(standardize([[5]], standardization([5], [0])).get(0, 0)).toBe(0);
  });

  it('converges to the closed-form ridge solution', () => {
    const o = { learningRate: 0.05, l2: 0.01, batchSize: 16, seed: 1 };
    let p = initParams(2, y.reduce((a, b) => a + b, 0) / y.length, 1);
    for (let e = 0; e < 300; e++) p = sgdEpoch(Z, y, p, o, e);
    // Closed form with an unpenalised bias on centred data: w = (ZᵀZ/n + l2 I)⁻¹ Zᵀ(y - ȳ)/n.
    const n = y.length;
    const yc = Matrix.columnVector(y.map((v) => v - y.reduce((a, b) => a + b, 0) / n));
    const A = Z.transpose().mmul(Z).div(n).add(Matrix.eye(2).mul(o.l2));
    const w = solve(A, Z.transpose().mmul(yc).div(n)).to1DArray();
    // SGD with a constant step hovers around the optimum; close enough for a model, not bit-exact.
    expect(p.weights[0]).toBeCloseTo(w[0], 1);
    expect(p.weights[1]).toBeCloseTo(w[1], 1);
    expect(p.bias).toBeCloseTo(3, 1);
    const pred = predictStandardized(Z, p);
    expect(Math.sqrt(pred.reduce((acc, v, i) => acc + (v - y[i]) ** 2, 0) / n)).toBeLessThan(0.1);
  });

  it('an epoch is a pure function of (params, epoch, seed)', () => {
    const o = { learningRate: 0.1, l2: 0, batchSize: 7, seed: 4 };
    const p0 = initParams(2, 0, 4);
    expect(sgdEpoch(Z, y, p0, o, 3)).toEqual(sgdEpoch(Z, y, p0, o, 3));
    expect(sgdEpoch(Z, y, p0, o, 3)).not.toEqual(sgdEpoch(Z, y, p0, o, 4));
    expect(initParams(2, 0, 4)).toEqual(p0);
  });
});
