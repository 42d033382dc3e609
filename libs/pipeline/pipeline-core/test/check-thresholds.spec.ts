import { checkThresholds } from '../src';

describe('checkThresholds', () => {
  it.each([
    ['>=', 0.9, 0.9, true],
    ['>=', 0.89, 0.9, false],
    ['<=', 4.9, 5, true],
    ['<=', 5.1, 5, false],
    ['>', 0.9, 0.9, false],
    ['<', 1, 2, true],
    ['==', 3, 3, true],
  ] as const)('%s: actual %d vs %d → %s', (op, actual, value, passed) => {
    const r = checkThresholds({ m: actual }, [{ metric: 'm', op, value }]);
    expect(r.checks[0]).toEqual({ metric: 'm', op, value, actual, passed });
    expect(r.verdict).toBe(passed ? 'Passed' : 'Failed');
  });

  it('fails when any check fails', () => {
    const r = checkThresholds({ rmse: 3, r2: 0.2 }, [
      { metric: 'rmse', op: '<=', value: 5 },
      { metric: 'r2', op: '>=', value: 0.5 },
    ]);
    expect(r.verdict).toBe('Failed');
    expect(r.checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('a missing, NaN or inherited metric fails its check', () => {
    const r = checkThresholds({ accuracy: Number.NaN }, [
      { metric: 'accuracy', op: '>=', value: 0.9 },
      { metric: 'f1', op: '>=', value: 0.5 },
      { metric: 'toString', op: '>=', value: 0 },
    ]);
    expect(r.checks.map((c) => [c.actual, c.passed])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('refuses an empty threshold list (nothing to gate on would approve anything)', () => {
    expect(() => checkThresholds({ accuracy: 1 }, [])).toThrow('at least one threshold');
  });
});
