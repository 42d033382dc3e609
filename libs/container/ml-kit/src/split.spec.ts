import { splitIndexes } from './split';

describe('splitIndexes', () => {
  const strata = Array.from({ length: 150 }, (_, i) => ['a', 'b', 'c'][Math.floor(i / 50)]);

  it('partitions every row exactly once, sorted, with the requested fractions per stratum', () => {
    const s = splitIndexes(150, 42, { train: 0.7, validation: 0.15, test: 0.15 }, strata);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(s.test).toEqual([...s.test].sort((a, b) => a - b));
    for (const label of ['a', 'b', 'c']) {
      expect(s.test.filter((i) => strata[i] === label)).toHaveLength(8);
      expect(s.validation.filter((i) => strata[i] === label)).toHaveLength(8);
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(splitIndexes(150, 42, undefined, strata)).toEqual(splitIndexes(150, 42, undefined, strata));
    expect(splitIndexes(150, 43, undefined, strata).test).not.toEqual(
      splitIndexes(150, 42, undefined, strata).test,
    );
  });

  it('works without strata', () => {
    const s = splitIndexes(10, 1, { train: 0.6, validation: 0.2, test: 0.2 });
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([6, 2, 2]);
  });
});
