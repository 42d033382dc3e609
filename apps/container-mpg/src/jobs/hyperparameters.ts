/** Typed training hyperparameters; a bad value fails with HyperparameterError naming key, expectation and value. */
import { HyperparameterError, hyperparameterReader, type Hyperparameters } from '@mlops/sagemaker-toolkit';

export interface MpgHyperparameters {
  learningRate: number;
  epochs: number;
  l2: number;
  batchSize: number;
  seed: number;
  /** Log metrics every N epochs (and at the last one). */
  logEvery: number;
}

export const HYPERPARAMETER_DEFAULTS: MpgHyperparameters = {
  learningRate: 0.05,
  epochs: 200,
  l2: 0.001,
  batchSize: 32,
  seed: 42,
  logEvery: 10,
};

export function readHyperparameters(hps: Hyperparameters): MpgHyperparameters {
  const hp = hyperparameterReader(hps);
  const d = HYPERPARAMETER_DEFAULTS;
  const learningRate = hp.float('learningRate', { default: d.learningRate, max: 10 });
  if (!(learningRate > 0))
    throw new HyperparameterError('learningRate', 'a number > 0 and <= 10', learningRate);
  return {
    learningRate,
    epochs: hp.int('epochs', { default: d.epochs, min: 1, max: 10_000_000 }),
    l2: hp.float('l2', { default: d.l2, min: 0, max: 100 }),
    batchSize: hp.int('batchSize', { default: d.batchSize, min: 1 }),
    seed: hp.int('seed', { default: d.seed, min: 0, max: 2 ** 31 - 1 }),
    logEvery: hp.int('logEvery', { default: d.logEvery, min: 1 }),
  };
}
