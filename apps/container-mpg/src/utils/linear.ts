/**
 * Ridge regression (linear model + L2 penalty) fitted by mini-batch gradient descent on standardised
 * features, with ml-matrix for the algebra. Epoch shuffles are seeded by (seed, epoch) only, so a run
 * resumed from a checkpoint follows exactly the path of an uninterrupted one.
 */
import { Matrix } from 'ml-matrix';
import { mulberry32, shuffled } from '@mlops/ml-kit';

export interface Standardization {
  mean: number[];
  /** Zero std (a constant column) is stored as 1 so the column maps to 0 instead of NaN. */
  std: number[];
}

export interface LinearParams {
  weights: number[];
  bias: number;
}

export interface SgdParams {
  learningRate: number;
  l2: number;
  batchSize: number;
  seed: number;
}

export function standardization(mean: number[], std: number[]): Standardization {
  return { mean: [...mean], std: std.map((s) => (s > 0 && Number.isFinite(s) ? s : 1)) };
}

export function standardize(X: number[][], s: Standardization): Matrix {
  return new Matrix(X.map((row) => row.map((v, j) => (v - s.mean[j]) / s.std[j])));
}

/** Small seeded weights and the target mean as bias (a sensible start, so fewer epochs are needed). */
export function initParams(nFeatures: number, yMean: number, seed: number): LinearParams {
  const rng = mulberry32(seed);
  return { weights: Array.from({ length: nFeatures }, () => (rng() - 0.5) * 0.02), bias: yMean };
}

export function predictStandardized(Z: Matrix, p: LinearParams): number[] {
  return Z.mmul(Matrix.columnVector(p.weights))
    .to1DArray()
    .map((v) => v + p.bias);
}

/** One pass over the data (epoch `epoch`, 0-based); returns the new parameters. */
export function sgdEpoch(
  Z: Matrix,
  y: readonly number[],
  p: LinearParams,
  o: SgdParams,
  epoch: number,
): LinearParams {
  const order = shuffled(
    Array.from({ length: Z.rows }, (_, i) => i),
    mulberry32((o.seed + Math.imul(epoch, 0x9e3779b1)) | 0),
  );
  let w = Matrix.columnVector(p.weights);
  let bias = p.bias;
  for (let start = 0; start < order.length; start += o.batchSize) {
    const batch = order.slice(start, start + o.batchSize);
    const Zb = Z.selection(
      batch,
      Array.from({ length: Z.columns }, (_, j) => j),
    );
    const err = Zb.mmul(w)
      .add(bias)
      .sub(Matrix.columnVector(batch.map((i) => y[i])));
    // d/dw [ mean(err²)/2 + l2/2 ‖w‖² ] = Zbᵀ err / b + l2 w ; the bias is not penalised.
    const gradW = Zb.transpose().mmul(err).div(batch.length).add(Matrix.mul(w, o.l2));
    const gradB = err.sum() / batch.length;
    w = Matrix.sub(w, gradW.mul(o.learningRate));
    bias -= o.learningRate * gradB;
  }
  return { weights: w.to1DArray(), bias };
}
