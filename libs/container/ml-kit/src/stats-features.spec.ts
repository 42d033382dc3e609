import { countBy, featureStats } from './stats';

describe('featureStats', () => {
  it('computes count, mean, population std, min and max per feature', () => {
    const s = featureStats(
      [
        [1, 10],
        [2, 10],
        [3, 10],
        [6, 10],
      ],
      ['a', 'b'],
    );
    expect(s.a).toEqual({ count: 4, mean: 3, std: Math.sqrt(3.5), min: 1, max: 6 });
    expect(s.b).toEqual({ count: 4, mean: 10, std: 0, min: 10, max: 10 });
  });
});

describe('countBy', () => {
  it('counts values with sorted keys', () => {
    expect(Object.entries(countBy(['b', 'a', 'b']))).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});
