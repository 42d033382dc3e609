import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTar } from './tar';

/** Archives made by the system's GNU tar, the same tool family SageMaker's packer emulates. */
describe('readTar', () => {
  let dir: string;
  const longDir = 'd'.repeat(60) + '/' + 'e'.repeat(60);
  const longName = `${longDir}/model.json`;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-spec-'));
    fs.mkdirSync(path.join(dir, 'src', longDir), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'model.json'), '{"a":1}');
    fs.writeFileSync(path.join(dir, 'src', 'big.bin'), Buffer.alloc(1500, 7));
    fs.writeFileSync(path.join(dir, 'src', longName), 'long');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function tar(name: string, ...args: string[]): Buffer {
    const file = path.join(dir, name);
    const r = spawnSync('tar', [...args, '-f', file, '-C', path.join(dir, 'src'), '.'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
    return fs.readFileSync(file);
  }

  it.each([
    ['gnu', 'a.tar.gz', ['-cz', '--format=gnu']],
    ['pax', 'b.tar', ['-c', '--format=pax']],
    ['ustar', 'c.tar', ['-c', '--format=ustar']],
  ])('reads regular files of a %s archive (names, sizes, long paths)', (_f, name, args) => {
    const entries = readTar(tar(name, ...args), name);
    const byName = new Map(entries.map((e) => [e.name, e.data]));
    expect(byName.get('model.json')?.toString()).toBe('{"a":1}');
    expect(byName.get('big.bin')).toEqual(Buffer.alloc(1500, 7));
    expect(byName.get(longName)?.toString()).toBe('long');
    expect(entries.every((e) => !e.name.endsWith('/'))).toBe(true);
  });

  it('reports a corrupt header, a truncated archive and bad gzip, naming the archive', () => {
    const good = tar('d.tar', '-c', '--format=ustar');
    const corrupt = Buffer.from(good);
    corrupt[10] ^= 0xff;
    expect(() => readTar(corrupt, 'm.tar')).toThrow(
      /^m\.tar: corrupt tar header at byte 0 \(bad checksum\)$/,
    );
    // Cut inside the data of big.bin, whatever the entry order.
    const truncated = good.subarray(0, good.indexOf(Buffer.alloc(64, 7)) + 100);
    expect(() => readTar(truncated, 'm.tar')).toThrow(/^m\.tar: truncated tar archive/);
    expect(() => readTar(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'm.tar.gz')).toThrow(
      /^m\.tar\.gz: not a valid gzip file/,
    );
  });

  it('an empty archive has no entries', () => {
    expect(readTar(gzipSync(Buffer.alloc(1024)), 'e.tar.gz')).toEqual([]);
  });
});
