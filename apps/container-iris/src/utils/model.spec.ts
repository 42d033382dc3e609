import { deserializeModel, IrisModel, MODEL_FORMAT, serializeModel } from './model';

const model: IrisModel = {
  format: MODEL_FORMAT,
  version: 1,
  features: ['a', 'b'],
  target: 't',
  classes: ['x', 'y'],
  params: { nEstimators: 1, treesPerRound: 1, maxDepth: 2, minNumSamples: 1, maxFeatures: 1, seed: 1 },
  rounds: [{ name: 'RFClassifier' }],
  metrics: { 'validation:accuracy': 1 },
};

describe('model (de)serialisation', () => {
  it('round-trips', () => {
    expect(deserializeModel(serializeModel(model), 'm.json')).toEqual(model);
  });

  it.each([
    ['not json', '{', /^m\.json: model is not valid JSON/],
    [
      'another model',
      JSON.stringify({ ...model, format: 'mlops.mpg.ridge-regression' }),
      /"format" must be "mlops\.iris\.random-forest", found "mlops\.mpg\.ridge-regression"/,
    ],
    ['a newer version', JSON.stringify({ ...model, version: 2 }), /unsupported model "version" 2/],
    ['no classes', JSON.stringify({ ...model, classes: [] }), /"classes" must be a non-empty list/],
    ['no rounds', JSON.stringify({ ...model, rounds: [] }), /"rounds" must be a non-empty list/],
  ])('rejects %s, naming the file', (_n, text, message) => {
    expect(() => deserializeModel(text, 'm.json')).toThrow(message);
  });
});
