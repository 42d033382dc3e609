import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileSource, preprocessInput, preprocessPaths, splitStatsBase, writeSplits } from './preprocess-io';

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

  it('reads the split seed, then the paths, then the raw file', () => {
    fs.mkdirSync(path.join(dir, 'raw'));
    fs.writeFileSync(path.join(dir, 'raw', 'data.csv'), 'x\n1\n');
    const env = {
      environment: { SPLIT_SEED: '7' },
      inputs: { raw: path.join(dir, 'raw') },
      outputs: outputs(),
    };
    const input = preprocessInput(env, { processEnv: {} });
    expect(input).toMatchObject({ splitSeed: 7, rawFile: path.join(dir, 'raw', 'data.csv'), text: 'x\n1\n' });
    expect(input.bytes.toString()).toBe('x\n1\n');
    expect(preprocessInput(env, { argv: ['--split-seed', '3'], processEnv: {} }).splitSeed).toBe(3);
    // A bad seed fails before a missing input is looked up.
    expect(() =>
      preprocessInput({ ...env, inputs: {} }, { argv: ['--split-seed', 'x'], processEnv: {} }),
    ).toThrow('argument --split-seed: expected an integer split seed, got "x"');
  });

  it('builds the common part of stats.json in its key order', () => {
    const base = splitStatsBase({
      model: 'm',
      rawFile: '/in/raw.csv',
      bytes: Buffer.from('abc'),
      splitSeed: 5,
      features: ['a'],
      target: 'y',
      rows: { raw: 10, dropped: 2 },
      split: { train: [0, 1, 2, 3], validation: [4, 5], test: [6, 7] },
    });
    expect(JSON.stringify(base)).toBe(
      JSON.stringify({
        model: 'm',
        source: {
          file: 'raw.csv',
          sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        },
        splitSeed: 5,
        fractions: { train: 0.7, validation: 0.15, test: 0.15 },
        features: ['a'],
        target: 'y',
        rows: { raw: 10, dropped: 2, train: 4, validation: 2, test: 2 },
      }),
    );
  });
});
