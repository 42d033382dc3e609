import { accuracy, classificationReport, confusionMatrix } from './classification-metrics';

describe('classification metrics', () => {
  // actual:    a a a b b c
  // predicted: a a b b c c
  const actual = ['a', 'a', 'a', 'b', 'b', 'c'];
  const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];

  it('accuracy', () => {
    expect(accuracy(actual, predicted)).toBeCloseTo(4 / 6, 12);
    expect(() => accuracy([], [])).toThrow('no samples');
    expect(() => accuracy(['a'], [])).toThrow('1 labels vs 0 predictions');
  });

  it('confusion matrix: rows actual, columns predicted, in label order', () => {
    expect(confusionMatrix(actual, predicted, ['a', 'b', 'c'])).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
    expect(confusionMatrix(['z'], ['a'], ['a']).labels).toEqual(['a', 'z']);
  });

  it('per-class precision/recall/F1 and macro F1 (hand-computed)', () => {
    const r = classificationReport(actual, predicted, ['a', 'b', 'c']);
    // a: P 2/2, R 2/3 -> F1 0.8; b: P 1/2, R 1/2 -> 0.5; c: P 1/2, R 1/1 -> 2/3.
    expect(r.perClass.a).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(r.perClass.b.f1).toBeCloseTo(0.5, 12);
    expect(r.perClass.c.f1).toBeCloseTo(2 / 3, 12);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    expect(r.n).toBe(6);
  });

  it('a class never predicted has precision 0 (no division by zero)', () => {
    const r = classificationReport(['a', 'b'], ['a', 'a'], ['a', 'b']);
    expect(r.perClass.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });
});
