import { mulberry32, shuffled } from './prng';

describe('mulberry32', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('stays in [0, 1) with a roughly uniform mean', () => {
    const r = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('shuffled', () => {
  it('returns a permutation of a copy, reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s1 = shuffled(items, mulberry32(7));
    expect(s1).not.toEqual(items);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled(items, mulberry32(7))).toEqual(s1);
    expect(items[0]).toBe(0);
  });
});
