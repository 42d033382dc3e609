import { deserializeModel, MODEL_FORMAT, MpgModel, predict, serializeModel } from './model';

const model: MpgModel = {
  format: MODEL_FORMAT,
  version: 1,
  features: ['a', 'b'],
  target: 't',
  standardization: { mean: [10, 0], std: [2, 1] },
  weights: [3, -1],
  bias: 20,
  hyperparameters: { learningRate: 0.1 },
  epochs: 1,
  metrics: {},
};

describe('model', () => {
  it('round-trips and predicts in original units', () => {
    expect(deserializeModel(serializeModel(model), 'm.json')).toEqual(model);
    // (14-10)/2*3 + (5-0)/1*(-1) + 20 = 6 - 5 + 20
    expect(
      predict(model, [
        [14, 5],
        [10, 0],
      ]),
    ).toEqual([21, 20]);
  });

  it.each([
    ['not json', '{', /^m\.json: model is not valid JSON/],
    [
      'another model',
      JSON.stringify({ ...model, format: 'mlops.iris.random-forest' }),
      /"format" must be "mlops\.mpg\.ridge-regression", found "mlops\.iris\.random-forest"/,
    ],
    ['a newer version', JSON.stringify({ ...model, version: 2 }), /unsupported model "version" 2/],
    ['too few weights', JSON.stringify({ ...model, weights: [1] }), /"weights" must be 2 finite numbers/],
    ['a non-finite bias', JSON.stringify({ ...model, bias: null }), /"bias" must be a finite number/],
    [
      'bad standardisation',
      JSON.stringify({ ...model, standardization: { mean: [1, 2] } }),
      /"standardization" must have 2 finite "mean" and "std" values/,
    ],
  ])('rejects %s, naming the file', (_n, text, message) => {
    expect(() => deserializeModel(text, 'm.json')).toThrow(message);
  });
});
