import { isValidJobName, jobTimestamp, makeJobName } from '../src';

const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));

describe('makeJobName', () => {
  test('base-timestamp in UTC like the Python SDK', () => {
    expect(jobTimestamp(at)).toBe('2026-01-02-03-04-05-006');
    expect(makeJobName('iris-train', at)).toBe('iris-train-2026-01-02-03-04-05-006');
  });

  test('trims a long base so the name is exactly 63 chars and still valid', () => {
    const name = makeJobName('a'.repeat(100), at);
    expect(name).toHaveLength(63);
    expect(name).toBe(`${'a'.repeat(39)}-2026-01-02-03-04-05-006`);
    expect(isValidJobName(name)).toBe(true);
  });

  test('replaces invalid characters and never leaves a hyphen at the cut', () => {
    expect(makeJobName('My_Model.v2 (final)', at)).toBe('My-Model-v2-final-2026-01-02-03-04-05-006');
    const cut = makeJobName(`${'b'.repeat(38)}_xyz`, at); // cut lands right after the "_"
    expect(cut).toBe(`${'b'.repeat(38)}-2026-01-02-03-04-05-006`);
    expect(isValidJobName(makeJobName('-lead-', at))).toBe(true);
  });

  test('rejects a base with nothing usable', () => {
    expect(() => makeJobName('___', at)).toThrow('base "___" has no letters or digits');
  });

  test('isValidJobName applies the full-match pattern', () => {
    expect(isValidJobName('a')).toBe(true);
    expect(isValidJobName('a--b')).toBe(true);
    expect(isValidJobName('-a')).toBe(false);
    expect(isValidJobName('a-')).toBe(false);
    expect(isValidJobName('a_b')).toBe(false);
    expect(isValidJobName('x'.repeat(64))).toBe(false);
  });
});
