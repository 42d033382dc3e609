import { HYPERPARAMETER_DEFAULTS, readHyperparameters } from './hyperparameters';

describe('readHyperparameters', () => {
  it('applies defaults and reads typed values', () => {
    expect(readHyperparameters({})).toEqual(HYPERPARAMETER_DEFAULTS);
    expect(readHyperparameters({ nEstimators: 20, maxDepth: 3, maxFeatures: 0.5, seed: 1 })).toMatchObject({
      nEstimators: 20,
      maxDepth: 3,
      maxFeatures: 0.5,
      seed: 1,
    });
  });

  it.each([
    [{ nEstimators: 'many' }, 'hyperparameter "nEstimators": expected an integer, received "many"'],
    [{ nEstimators: 0 }, 'hyperparameter "nEstimators": expected an integer >= 1 and <= 10000, received 0'],
    [{ maxDepth: 2.5 }, 'hyperparameter "maxDepth": expected an integer, received 2.5'],
    [{ maxFeatures: 0 }, 'hyperparameter "maxFeatures": expected a number > 0 and <= 1, received 0'],
    [{ maxFeatures: 1.5 }, 'hyperparameter "maxFeatures": expected a number <= 1, received 1.5'],
    [{ seed: -1 }, 'hyperparameter "seed": expected an integer >= 0 and <= 2147483647, received -1'],
  ])('%j → HyperparameterError naming key, expectation and value', (hps, message) => {
    expect(() => readHyperparameters(hps)).toThrow(message);
  });
});
