import { resolveSplitSeed } from './split-seed';

describe('resolveSplitSeed', () => {
  it('prefers --split-seed, then the request Environment, then the process env, then 42', () => {
    expect(resolveSplitSeed(['--split-seed', '7'], { SPLIT_SEED: '8' }, { SPLIT_SEED: '9' })).toBe(7);
    expect(resolveSplitSeed([], { SPLIT_SEED: '8' }, { SPLIT_SEED: '9' })).toBe(8);
    expect(resolveSplitSeed([], {}, { SPLIT_SEED: '9' })).toBe(9);
    expect(resolveSplitSeed([], {}, {})).toBe(42);
  });

  it('names the source of a bad seed', () => {
    expect(() => resolveSplitSeed(['--split-seed'], {}, {})).toThrow(
      'argument --split-seed: expected an integer split seed, got null',
    );
    expect(() => resolveSplitSeed([], { SPLIT_SEED: '4.5' }, {})).toThrow(
      'Environment SPLIT_SEED: expected an integer split seed, got "4.5"',
    );
    expect(() => resolveSplitSeed([], {}, { SPLIT_SEED: 'x' })).toThrow(
      'env SPLIT_SEED: expected an integer split seed, got "x"',
    );
  });

  it('names the source of a non-numeric seed', () => {
    expect(() => resolveSplitSeed([], { SPLIT_SEED: 'abc' }, {})).toThrow(
      'Environment SPLIT_SEED: expected an integer split seed, got "abc"',
    );
  });
});
