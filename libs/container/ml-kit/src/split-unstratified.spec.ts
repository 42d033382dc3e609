import { splitIndexes } from './split';

describe('splitIndexes', () => {
  it('partitions every row exactly once, sorted, with the requested sizes', () => {
    const s = splitIndexes(392, 42);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([274, 59, 59]);
    expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 392 }, (_, i) => i),
    );
    expect(s.train).toEqual([...s.train].sort((a, b) => a - b));
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(splitIndexes(100, 1)).toEqual(splitIndexes(100, 1));
    expect(splitIndexes(100, 2).test).not.toEqual(splitIndexes(100, 1).test);
  });
});
