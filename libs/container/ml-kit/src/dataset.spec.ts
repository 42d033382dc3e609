import { parseLabel, parseNumber, readDataset } from './dataset';

const F = ['x1', 'x2'];

describe('parseNumber', () => {
  it('names a blank cell as missing by default, or as not a number when asked', () => {
    expect(() => parseNumber('', 'f.csv', 4, 'c')).toThrow(
      'f.csv: line 4, column "c": "" is empty (missing value)',
    );
    expect(() => parseNumber('', 'f.csv', 4, 'c', false)).toThrow(
      'f.csv: line 4, column "c": "" is not a number',
    );
  });
});

describe('parseLabel', () => {
  it('trims and rejects an empty label naming file, line and column', () => {
    expect(parseLabel(' setosa ', 'f.csv', 2, 'species')).toBe('setosa');
    expect(() => parseLabel(' ', 'f.csv', 9, 'species')).toThrow(
      'f.csv: line 9, column "species": empty label',
    );
  });
});

describe('readDataset', () => {
  it('parses the target with the given parser and the features as numbers', () => {
    const d = readDataset(
      'y,x2,x1\nA,2,1\nB,4,3\n',
      'f.csv',
      F,
      'y',
      { requireTarget: true },
      { target: parseLabel },
    );
    expect(d).toEqual({
      features: F,
      X: [
        [1, 2],
        [3, 4],
      ],
      y: ['A', 'B'],
      lines: [2, 3],
      dropped: 0,
    });
  });

  it('uses a custom feature parser when given one', () => {
    const d = readDataset(
      'x1,x2,y\n1,,3\n',
      'f.csv',
      F,
      'y',
      { requireTarget: true },
      { target: parseNumber, feature: (raw) => (raw === '' ? -1 : Number(raw)) },
    );
    expect(d.X).toEqual([[1, -1]]);
    expect(d.y).toEqual([3]);
  });
});
