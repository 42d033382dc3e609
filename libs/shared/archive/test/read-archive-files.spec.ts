// The in-memory reader (the container side's model.tar.gz) against archives made by GNU tar, and the
// corruptions and entries it must refuse, like unpackArchive does.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArchiveEntryError, readArchiveFiles } from '../src';
import { rawTar, rawTarGz } from './support/raw-tar';

let dir: string;
const longDir = 'd'.repeat(60) + '/' + 'e'.repeat(60);
const longName = `${longDir}/model.json`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-archive-files-'));
  fs.mkdirSync(path.join(dir, 'src', longDir), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'model.json'), '{"a":1}');
  fs.writeFileSync(path.join(dir, 'src', 'big.bin'), Buffer.alloc(1500, 7));
  fs.writeFileSync(path.join(dir, 'src', longName), 'long');
  fs.symlinkSync('model.json', path.join(dir, 'src', 'latest.json'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function gnuTar(name: string, ...args: string[]): Buffer {
  const file = path.join(dir, name);
  const r = spawnSync('tar', [...args, '-f', file, '-C', path.join(dir, 'src'), '.'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  return fs.readFileSync(file);
}

it.each([
  ['gnu', 'a.tar.gz', ['-cz', '--format=gnu']],
  ['pax', 'b.tar', ['-c', '--format=pax']],
  ['ustar', 'c.tar', ['-c', '--format=ustar']],
])('reads the regular files of a %s archive (names, sizes, long paths)', (_f, name, args) => {
  const files = readArchiveFiles(gnuTar(name, ...args), name);
  const byName = new Map(files.map((e) => [e.name, e.data]));
  expect(byName.get('model.json')?.toString()).toBe('{"a":1}');
  expect(byName.get('big.bin')).toEqual(Buffer.alloc(1500, 7));
  expect(byName.get(longName)?.toString()).toBe('long');
  expect([...byName.keys()].sort()).toEqual(['big.bin', longName, 'model.json']); // no dirs, no links
});

const refuse = (archive: Buffer, file: string, limits = {}) => {
  try {
    readArchiveFiles(archive, file, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ArchiveEntryError);
    return e as ArchiveEntryError;
  }
  throw new Error('expected a refusal');
};

it('refuses a corrupt header, a truncated archive and bad gzip, naming the archive', () => {
  const good = gnuTar('d.tar', '-c', '--format=ustar');
  const corrupt = Buffer.from(good);
  corrupt[10] ^= 0xff;
  expect(refuse(corrupt, 'm.tar').message).toMatch(/^Refused archive m\.tar: .*checksum failure/);
  // Cut inside the data of big.bin, whatever the entry order.
  const truncated = good.subarray(0, good.indexOf(Buffer.alloc(64, 7)) + 100);
  expect(refuse(truncated, 'm.tar').message).toMatch(/in m\.tar: .*Truncated input/);
  expect(refuse(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'm.tar.gz').message).toMatch(
    /^Refused archive m\.tar\.gz: not a valid gzip file/,
  );
});

it('refuses the entries unpackArchive refuses', () => {
  const cases: [Parameters<typeof rawTarGz>[0], string, string][] = [
    [[{ name: '../model.json', type: 'file', body: 'x' }], '../model.json', 'path contains ".."'],
    [[{ name: '/etc/model.json', type: 'file', body: 'x' }], '/etc/model.json', 'absolute path'],
    [[{ name: 'dev', type: 'char' }], 'dev', 'CharacterDevice is not allowed'],
    [
      [
        { name: 's', type: 'symlink', linkname: '.' },
        { name: 's/model.json', type: 'file', body: 'x' },
      ],
      's/model.json',
      'parent "s" is a symbolic link',
    ],
  ];
  for (const [entries, entry, reason] of cases) {
    const err = refuse(rawTarGz(entries), 'model.tar.gz');
    expect([err.entryPath, err.reason]).toEqual([entry, expect.stringContaining(reason)]);
  }
});

it('applies its limits to entries, bytes and the uncompressed tar', () => {
  const three = rawTar(
    ['a', 'b', 'c'].map((name) => ({ name, type: 'file' as const, body: 'x'.repeat(600) })),
  );
  expect(refuse(three, 't.tar', { maxEntries: 2 }).entryPath).toBe('c');
  expect(refuse(three, 't.tar', { maxBytes: 3000 }).reason).toMatch(
    'tar of 5632 bytes is over 3000 (limit maxBytes)',
  );
  expect(readArchiveFiles(three, 't.tar', { maxBytes: 6000 })).toHaveLength(3);
});

it('an archive of just the end-of-archive marker is empty; fewer zeros are not a tar', () => {
  expect(readArchiveFiles(gzipSync(Buffer.alloc(1024)), 'e.tar.gz')).toEqual([]);
  expect(refuse(gzipSync(Buffer.alloc(512)), 'e.tar.gz').reason).toMatch(/Unrecognized archive format/);
});
