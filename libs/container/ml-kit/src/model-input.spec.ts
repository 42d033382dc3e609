import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from './errors';
import { checkModelFeatures, readModelFile } from './model-input';

describe('readModelFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-input-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads an extracted model.json', () => {
    fs.writeFileSync(path.join(dir, 'model.json'), '{"m":1}');
    expect(readModelFile(dir, 'model.json')).toEqual({
      text: '{"m":1}',
      source: path.join(dir, 'model.json'),
    });
  });

  it("reads model.json out of the training job's model.tar.gz", () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'model.json'), '{"m":2}');
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    expect(spawnSync('tar', ['-czf', path.join(input, 'model.tar.gz'), '-C', src, '.']).status).toBe(0);
    const m = readModelFile(input, 'model.json');
    expect(m.text).toBe('{"m":2}');
    expect(m.source).toBe(`${path.join(input, 'model.tar.gz')}!model.json`);
  });

  it('names what it found when there is no model', () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect(() => readModelFile(dir, 'model.json')).toThrow(
      `${dir}: no model.json or model.tar.gz in the model input (found: notes.txt)`,
    );
  });

  it('names the archive when it lacks model.json', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'other.json'), '{}');
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    spawnSync('tar', ['-czf', path.join(input, 'model.tar.gz'), '-C', src, '.']);
    expect(() => readModelFile(input, 'model.json')).toThrow(
      `${path.join(input, 'model.tar.gz')}: archive has no model.json`,
    );
  });
});

describe('checkModelFeatures', () => {
  it('accepts the model columns in order and names both lists otherwise', () => {
    expect(() => checkModelFeatures(['a', 'b'], ['a', 'b'], 'x.csv')).not.toThrow();
    expect(() => checkModelFeatures(['b', 'a'], ['a', 'b'], 'x.csv')).toThrow(
      "x.csv: features b,a do not match the model's a,b",
    );
  });
});

describe('readModelFile on a hostile model.tar.gz', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-input-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a gzip bomb as a DataError naming the archive, without inflating it', () => {
    // 512 MiB of zeros in ~0.5 MB: over the in-memory limit (@mlops/archive DEFAULT_MEMORY_LIMITS).
    const member = gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 });
    const archive = path.join(dir, 'model.tar.gz');
    fs.writeFileSync(archive, Buffer.concat(Array.from({ length: 8 }, () => member)));
    let err: unknown;
    try {
      readModelFile(dir, 'model.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(new RegExp(`^${archive}: expands to more than \\d+ bytes`));
  });
});
