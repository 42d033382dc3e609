import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import { collectRaw, datasetVersion, InputError, readS3Text, resolveSource } from '../src';
import { startS3 } from '../testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collect-'));
  mkdirSync(join(dir, 'iris'));
  writeFileSync(join(dir, 'iris', 'b.csv'), 'x,y\n3,4\n');
  writeFileSync(join(dir, 'iris', 'a.csv'), 'x,y\n1,2\n');
  writeFileSync(join(dir, 'iris', 'notes.txt'), 'ignored');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveSource', () => {
  it('builtin:<name> → the sorted CSV files of <dataDir>/<name>', () => {
    const s = resolveSource('builtin:iris', dir);
    expect(s.kind).toBe('local');
    if (s.kind !== 'local') return;
    expect(s.files.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
  });

  it('file:// → a file or the files of a directory; s3:// kept as a URI', () => {
    const one = resolveSource(pathToFileURL(join(dir, 'iris', 'a.csv')).href, dir);
    expect(one.kind === 'local' && one.files.map((f) => f.name)).toEqual(['a.csv']);
    const all = resolveSource(pathToFileURL(join(dir, 'iris')).href, dir);
    expect(all.kind === 'local' && all.files.length).toBe(3);
    expect(resolveSource('s3://my-bucket/raw/', dir)).toEqual({
      kind: 's3',
      source: 's3://my-bucket/raw/',
      uri: 's3://my-bucket/raw/',
    });
  });

  it.each([
    ['builtin:missing', /directory .*missing does not exist/],
    ['builtin:../etc', /expected builtin:<dataset>/],
    ['file:///definitely/not/here.csv', /does not exist/],
    ['s3://Bad_Bucket/x', /not a valid s3:\/\/bucket\/prefix URI/],
    ['http://example.com/iris.csv', /expected builtin:<dataset>, file:\/\/\/path or s3:\/\/bucket\/prefix/],
  ])('%s is refused with a clear InputError', (source, message) => {
    expect(() => resolveSource(source, dir)).toThrow(InputError);
    expect(() => resolveSource(source, dir)).toThrow(message);
  });

  it('a builtin dataset without CSV files is refused', () => {
    mkdirSync(join(dir, 'empty'));
    expect(() => resolveSource('builtin:empty', dir)).toThrow(/no .csv file/);
  });
});

describe('datasetVersion', () => {
  it('is sha256 over sorted (name, sha256(content)), independent of listing order', async () => {
    const files = [
      { path: join(dir, 'iris', 'b.csv'), name: 'b.csv' },
      { path: join(dir, 'iris', 'a.csv'), name: 'a.csv' },
    ];
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const expected = sha(`a.csv\0${sha('x,y\n1,2\n')}\nb.csv\0${sha('x,y\n3,4\n')}\n`);
    expect(await datasetVersion(files)).toBe(expected);
    expect(await datasetVersion([...files].reverse())).toBe(expected);
  });

  it('changes when content changes', async () => {
    const files = [{ path: join(dir, 'iris', 'a.csv'), name: 'a.csv' }];
    const before = await datasetVersion(files);
    writeFileSync(join(dir, 'iris', 'a.csv'), 'x,y\n1,3\n');
    expect(await datasetVersion(files)).not.toBe(before);
  });
});

describe('collectRaw (real S3 API: s3rver)', () => {
  let s3Server: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3Server = await startS3('bucket');
  });
  afterAll(() => s3Server.close());
  const client = () =>
    createS3Client({
      region: 'us-east-1',
      endpoint: s3Server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });

  it('uploads the files under the raw prefix and returns their dataset version', async () => {
    const s3 = client();
    const source = resolveSource('builtin:iris', dir);
    const data = await collectRaw(s3, source, 's3://bucket/iris/r1/raw/');
    expect(data.files.map((f) => f.uri)).toEqual([
      's3://bucket/iris/r1/raw/a.csv',
      's3://bucket/iris/r1/raw/b.csv',
    ]);
    expect(data.datasetVersion).toBe(await datasetVersion(source.kind === 'local' ? source.files : []));
    expect(await readS3Text(s3, 's3://bucket/iris/r1/raw/b.csv')).toBe('x,y\n3,4\n');
    s3.destroy();
  });

  it('copies an s3:// source with the same version as the same files from disk', async () => {
    const s3 = client();
    const local = await collectRaw(s3, resolveSource('builtin:iris', dir), 's3://bucket/src/');
    const copied = await collectRaw(s3, resolveSource('s3://bucket/src/', dir), 's3://bucket/iris/r2/raw/');
    expect(copied.datasetVersion).toBe(local.datasetVersion);
    expect((await listObjectsArray(s3, 's3://bucket/iris/r2/raw/')).map((o) => o.key)).toEqual([
      'iris/r2/raw/a.csv',
      'iris/r2/raw/b.csv',
    ]);
    await expect(
      collectRaw(s3, resolveSource('s3://bucket/nothing/', dir), 's3://bucket/x/'),
    ).rejects.toThrow(/no objects under it/);
    s3.destroy();
  });
});
