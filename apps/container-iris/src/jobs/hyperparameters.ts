/** Typed training hyperparameters; a bad value fails with HyperparameterError naming key, expectation and value. */
import { HyperparameterError, hyperparameterReader, type Hyperparameters } from '@mlops/sagemaker-toolkit';
import type { ForestParams } from '../utils/forest';

export const HYPERPARAMETER_DEFAULTS: ForestParams = {
  nEstimators: 50,
  treesPerRound: 10,
  maxDepth: 5,
  minNumSamples: 3,
  maxFeatures: 0.75,
  seed: 42,
};

export function readHyperparameters(hps: Hyperparameters): ForestParams {
  const hp = hyperparameterReader(hps);
  const d = HYPERPARAMETER_DEFAULTS;
  const maxFeatures = hp.float('maxFeatures', { default: d.maxFeatures, max: 1 });
  if (!(maxFeatures > 0)) throw new HyperparameterError('maxFeatures', 'a number > 0 and <= 1', maxFeatures);
  return {
    nEstimators: hp.int('nEstimators', { default: d.nEstimators, min: 1, max: 10_000 }),
    treesPerRound: hp.int('treesPerRound', { default: d.treesPerRound, min: 1, max: 1_000 }),
    maxDepth: hp.int('maxDepth', { default: d.maxDepth, min: 1, max: 64 }),
    minNumSamples: hp.int('minNumSamples', { default: d.minNumSamples, min: 1 }),
    maxFeatures,
    // ml-random-forest seeds must be 32-bit integers.
    seed: hp.int('seed', { default: d.seed, min: 0, max: 2 ** 31 - 1 }),
  };
}
