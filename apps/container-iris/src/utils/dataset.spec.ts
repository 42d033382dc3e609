import { parseNumber, readDataset } from './dataset';

const F = ['x1', 'x2'];

describe('parseNumber', () => {
  it.each(['1', '-2.5', ' 3e2 ', '0'])('accepts %j', (s) => {
    expect(parseNumber(s, 'f', 2, 'c')).toBe(Number(s));
  });
  it.each(['', ' ', '1x', 'NaN', 'Infinity', '0x'])('rejects %j naming file, line and column', (s) => {
    expect(() => parseNumber(s, 'f.csv', 7, 'col')).toThrow(
      `f.csv: line 7, column "col": ${JSON.stringify(s)} is not a number`,
    );
  });
});

describe('readDataset', () => {
  it('selects the feature columns in the given order, whatever the file order', () => {
    const d = readDataset('label,x2,extra,x1\na,2,zz,1\nb,4,zz,3\n', 'f.csv', F, 'label', {
      requireTarget: true,
    });
    expect(d.X).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(d.y).toEqual(['a', 'b']);
    expect(d.lines).toEqual([2, 3]);
  });

  it('ignores the target column when asked (inference input with empty labels)', () => {
    const d = readDataset('x1,x2,label\n1,2,\n', 'f.csv', F, 'label', {
      requireTarget: false,
      ignoreTarget: true,
    });
    expect(d.X).toEqual([[1, 2]]);
    expect(d.y).toBeUndefined();
  });

  it('has no labels when the target column is absent and not required', () => {
    expect(readDataset('x1,x2\n1,2\n', 'f.csv', F, 'label', { requireTarget: false }).y).toBeUndefined();
  });

  it('names a missing column and the header it found', () => {
    expect(() => readDataset('x1,label\n1,a\n', 'f.csv', F, 'label', { requireTarget: true })).toThrow(
      'f.csv: missing column "x2" (header: x1,label)',
    );
    expect(() => readDataset('x1,x2\n1,2\n', 'f.csv', F, 'label', { requireTarget: true })).toThrow(
      'missing column "label"',
    );
  });

  it('rejects an empty label and a header without rows', () => {
    expect(() => readDataset('x1,x2,label\n1,2, \n', 'f.csv', F, 'label', { requireTarget: true })).toThrow(
      'f.csv: line 2, column "label": empty label',
    );
    expect(() => readDataset('x1,x2,label\n', 'f.csv', F, 'label', { requireTarget: true })).toThrow(
      'no data rows after the header',
    );
  });
});
