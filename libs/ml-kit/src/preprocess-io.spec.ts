import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileSource, preprocessPaths, writeSplits } from './preprocess-io';

describe('preprocess I/O', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preprocess-io-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const outputs = () =>
    Object.fromEntries(['train', 'validation', 'test', 'stats'].map((n) => [n, path.join(dir, 'out', n)]));

  it('finds the one raw CSV and every output dir', () => {
    fs.mkdirSync(path.join(dir, 'raw'));
    fs.writeFileSync(path.join(dir, 'raw', 'data.csv'), 'x\n');
    const p = preprocessPaths({ raw: path.join(dir, 'raw') }, outputs());
    expect(p.rawFile).toBe(path.join(dir, 'raw', 'data.csv'));
    expect(p.out).toEqual(outputs());
  });

  it('names a missing input or output', () => {
    expect(() => preprocessPaths({}, outputs())).toThrow(
      'processing input "raw" is not configured (configured inputs: none)',
    );
    fs.mkdirSync(path.join(dir, 'raw'));
    fs.writeFileSync(path.join(dir, 'raw', 'data.csv'), 'x\n');
    const { stats: _stats, ...three } = outputs();
    expect(() => preprocessPaths({ raw: path.join(dir, 'raw') }, three)).toThrow(
      'processing output "stats" is not configured (configured outputs: train, validation, test)',
    );
  });

  it('records the raw file name and sha256', () => {
    expect(fileSource('/x/raw/iris.csv', Buffer.from('abc'))).toEqual({
      file: 'iris.csv',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('writes each split (features then target) and stats.json', () => {
    const out = outputs() as ReturnType<typeof preprocessPaths>['out'];
    const X = [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ];
    writeSplits(
      out,
      ['a', 'b', 'y'],
      X,
      ['p', 'q', 'r', 's'],
      { train: [0, 3], validation: [1], test: [2] },
      {
        n: 4,
      },
    );
    expect(fs.readFileSync(path.join(out.train, 'train.csv'), 'utf8')).toBe('a,b,y\n1,2,p\n7,8,s\n');
    expect(fs.readFileSync(path.join(out.validation, 'validation.csv'), 'utf8')).toBe('a,b,y\n3,4,q\n');
    expect(fs.readFileSync(path.join(out.test, 'test.csv'), 'utf8')).toBe('a,b,y\n5,6,r\n');
    expect(fs.readFileSync(path.join(out.stats, 'stats.json'), 'utf8')).toBe('{\n  "n": 4\n}\n');
  });
});
