import { columnStats, featureStats } from './stats';

describe('stats', () => {
  it('columnStats: count, mean, population std, min, max', () => {
    expect(columnStats([1, 2, 3, 6])).toEqual({ count: 4, mean: 3, std: Math.sqrt(3.5), min: 1, max: 6 });
  });

  it('featureStats: one entry per feature column', () => {
    const s = featureStats(
      [
        [1, 5],
        [3, 5],
      ],
      ['a', 'b'],
    );
    expect(s).toEqual({
      a: { count: 2, mean: 2, std: 1, min: 1, max: 3 },
      b: { count: 2, mean: 5, std: 0, min: 5, max: 5 },
    });
  });
});
