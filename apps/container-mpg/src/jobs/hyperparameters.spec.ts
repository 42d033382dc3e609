import { HYPERPARAMETER_DEFAULTS, readHyperparameters } from './hyperparameters';

describe('readHyperparameters', () => {
  it('applies defaults and reads typed values', () => {
    expect(readHyperparameters({})).toEqual(HYPERPARAMETER_DEFAULTS);
    expect(readHyperparameters({ learningRate: 0.1, epochs: 5, l2: 0, seed: 1 })).toMatchObject({
      learningRate: 0.1,
      epochs: 5,
      l2: 0,
      seed: 1,
    });
  });

  it.each([
    [{ learningRate: 'fast' }, 'hyperparameter "learningRate": expected a number, received "fast"'],
    [{ learningRate: 0 }, 'hyperparameter "learningRate": expected a number > 0 and <= 10, received 0'],
    [{ epochs: 1.5 }, 'hyperparameter "epochs": expected an integer, received 1.5'],
    [{ epochs: 0 }, 'hyperparameter "epochs": expected an integer >= 1 and <= 10000000, received 0'],
    [{ l2: -0.1 }, 'hyperparameter "l2": expected a number >= 0 and <= 100, received -0.1'],
    [{ batchSize: 0 }, 'hyperparameter "batchSize": expected an integer >= 1, received 0'],
  ])('%j → HyperparameterError naming key, expectation and value', (hps, message) => {
    expect(() => readHyperparameters(hps)).toThrow(message);
  });
});
