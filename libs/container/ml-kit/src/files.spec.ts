import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { csvFiles, namedDir, singleCsv, writeAll, writeFileAtomic } from './files';

describe('files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('singleCsv finds the one CSV and ignores dot files and other files', () => {
    fs.writeFileSync(path.join(dir, 'a.CSV'), 'x');
    fs.writeFileSync(path.join(dir, '.hidden.csv'), 'x');
    fs.writeFileSync(path.join(dir, 'README'), 'x');
    expect(singleCsv(dir, 'raw')).toBe(path.join(dir, 'a.CSV'));
  });

  it('errors name the dir, the input and what was found', () => {
    fs.writeFileSync(path.join(dir, 'x.txt'), 'x');
    expect(() => singleCsv(dir, 'raw')).toThrow(`${dir}: no .csv file in the raw input (found: x.txt)`);
    fs.writeFileSync(path.join(dir, 'a.csv'), 'x');
    fs.writeFileSync(path.join(dir, 'b.csv'), 'x');
    expect(() => singleCsv(dir, 'raw')).toThrow(
      `${dir}: expected one .csv file in the raw input, found 2: a.csv, b.csv`,
    );
    expect(csvFiles(dir, 'data')).toEqual([path.join(dir, 'a.csv'), path.join(dir, 'b.csv')]);
    expect(() => csvFiles(path.join(dir, 'missing'), 'data')).toThrow(
      /missing: cannot read data directory \(ENOENT\)/,
    );
  });

  it('writes atomically, leaving no temp files', () => {
    writeFileAtomic(path.join(dir, 'sub', 'f.txt'), 'hello');
    writeAll({ [path.join(dir, 'a', '1.txt')]: 'one', [path.join(dir, 'b', '2.txt')]: 'two' });
    expect(fs.readFileSync(path.join(dir, 'sub', 'f.txt'), 'utf8')).toBe('hello');
    expect(fs.readFileSync(path.join(dir, 'b', '2.txt'), 'utf8')).toBe('two');
    expect(fs.readdirSync(path.join(dir, 'a'))).toEqual(['1.txt']);
  });

  it('namedDir names the missing processing input and the configured ones', () => {
    expect(namedDir({ raw: '/x' }, 'raw', 'input')).toBe('/x');
    expect(() => namedDir({ raw: '/x' }, 'test', 'input')).toThrow(
      'processing input "test" is not configured (configured inputs: raw)',
    );
  });
});
