import { parseNumber, readDataset } from './dataset';

const F = ['x1', 'x2'];

describe('parseNumber', () => {
  it.each(['1', '-2.5', ' 3e2 ', '0'])('accepts %j', (s) => {
    expect(parseNumber(s, 'f', 2, 'c')).toBe(Number(s));
  });
  it.each(['1x', 'NaN', 'Infinity', 'ninety'])('rejects %j naming file, line and column', (s) => {
    expect(() => parseNumber(s, 'f.csv', 7, 'col')).toThrow(
      `f.csv: line 7, column "col": ${JSON.stringify(s)} is not a number`,
    );
  });
  it('calls an empty value missing', () => {
    expect(() => parseNumber(' ', 'f.csv', 3, 'col')).toThrow(
      'f.csv: line 3, column "col": " " is empty (missing value)',
    );
  });
});

describe('readDataset', () => {
  it('selects the feature columns in the given order and reads a numeric target', () => {
    const d = readDataset('name,y,x2,x1\na,10,2,1\nb,20,4,3\n', 'f.csv', F, 'y', { requireTarget: true });
    expect(d.X).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(d.y).toEqual([10, 20]);
    expect(d.dropped).toBe(0);
  });

  it('drops rows with missing features or target only when asked, counting them', () => {
    const text = 'x1,x2,y\n1,2,3\n,2,3\n1,2,\n4,5,6\n';
    const d = readDataset(text, 'f.csv', F, 'y', { requireTarget: true, dropMissing: true });
    expect(d.X).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(d.lines).toEqual([2, 5]);
    expect(d.dropped).toBe(2);
    expect(() => readDataset(text, 'f.csv', F, 'y', { requireTarget: true })).toThrow(
      'f.csv: line 3, column "x1": "" is empty',
    );
  });

  it('a non-numeric value fails even when missing values are dropped', () => {
    expect(() =>
      readDataset('x1,x2,y\n1,two,3\n', 'f.csv', F, 'y', { requireTarget: true, dropMissing: true }),
    ).toThrow('f.csv: line 2, column "x2": "two" is not a number');
  });

  it('names a missing column; the target is optional for inference', () => {
    expect(() => readDataset('x1,y\n1,2\n', 'f.csv', F, 'y', { requireTarget: true })).toThrow(
      'f.csv: missing column "x2" (header: x1,y)',
    );
    expect(() => readDataset('x1,x2\n1,2\n', 'f.csv', F, 'y', { requireTarget: true })).toThrow(
      'missing column "y"',
    );
    expect(readDataset('x1,x2\n1,2\n', 'f.csv', F, 'y', { requireTarget: false }).y).toBeUndefined();
  });

  it('ignores the target column when asked (inference input with empty targets)', () => {
    const d = readDataset('x1,x2,y\n1,2,\n', 'f.csv', F, 'y', { requireTarget: false, ignoreTarget: true });
    expect(d.X).toEqual([[1, 2]]);
    expect(d.y).toBeUndefined();
  });
});
