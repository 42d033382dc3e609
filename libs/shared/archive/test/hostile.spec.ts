// The corpus of hostile archives: entry-order tricks with symlink chains, directories and hard links,
// a 10 GiB bomb in 10 MB, and entry floods. Each must fail naming an entry, write nothing outside the
// target, and leave no partial output.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArchiveEntryError, unpackArchive } from '../src';
import { GiB, writeBomb } from './support/bomb';
import { RawEntry, rawTarGz } from './support/raw-tar';

let jail: string;
beforeEach(async () => {
  // jail/ holds the archive, a secret and the target: anything new in it (or a second link to the
  // secret) is an escape from jail/out.
  jail = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-hostile-'));
  await fs.writeFile(path.join(jail, 'secret.txt'), 'secret');
});
afterEach(async () => fs.rm(jail, { recursive: true, force: true }));

/** 40 small files keep the writer busy so an earlier symlink is on disk before a later entry lands. */
const filler: RawEntry[] = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, type: 'file', body: 'f' }));
/** `d/y -> ../x/..` is harmless when declared (x is no link yet); `x -> .` then makes it point above the root. */
const chain: RawEntry[] = [
  { name: 'd/', type: 'dir' },
  { name: 'd/y', type: 'symlink', linkname: '../x/..' },
  { name: 'x', type: 'symlink', linkname: '.' },
  ...filler,
];
const cover: RawEntry[] = [
  { name: 'd/y', type: 'file', body: 'innocent' },
  { name: 'x', type: 'file', body: 'innocent' },
];

const chainThenDir: RawEntry[] = [...chain, { name: 'd/y/', type: 'dir' }];

const corpus: [string, RawEntry[], string, string][] = [
  // The plain tricks.
  [
    'absolute path',
    [{ name: '/tmp/evil-abs.txt', type: 'file', body: 'x' }],
    '/tmp/evil-abs.txt',
    'absolute path',
  ],
  ['parent traversal', [{ name: '../evil.txt', type: 'file', body: 'x' }], '../evil.txt', 'contains ".."'],
  [
    'nested parent traversal',
    [{ name: 'ok/../../evil.txt', type: 'file', body: 'x' }],
    'ok/../../evil.txt',
    'contains ".."',
  ],
  [
    'windows drive path',
    [{ name: 'C:\\evil.txt', type: 'file', body: 'x' }],
    'C:\\evil.txt',
    'absolute path',
  ],
  [
    'absolute symlink',
    [{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }],
    'link',
    'target "/etc/passwd" is absolute',
  ],
  [
    'escaping symlink',
    [{ name: 'sub/link', type: 'symlink', linkname: '../../outside' }],
    'sub/link',
    'escapes the extraction directory',
  ],
  [
    'write through a symlink',
    [
      { name: 'dirlink', type: 'symlink', linkname: 'real' },
      { name: 'dirlink/file.txt', type: 'file', body: 'x' },
    ],
    'dirlink/file.txt',
    'parent "dirlink" is a symbolic link',
  ],
  [
    'symlink chain escape',
    [
      { name: 'x', type: 'symlink', linkname: '.' },
      { name: 'd/y', type: 'symlink', linkname: '../x/..' },
    ],
    'd/y',
    'passes through another symbolic link',
  ],
  [
    'escaping hard link',
    [{ name: 'hard', type: 'hardlink', linkname: '../../etc/passwd' }],
    'hard',
    'hard link target "../../etc/passwd"',
  ],
  [
    'absolute hard link',
    [{ name: 'hard', type: 'hardlink', linkname: '/etc/passwd' }],
    'hard',
    'hard link target "/etc/passwd": absolute path',
  ],
  [
    'hard link through a symlink',
    [
      { name: 's', type: 'symlink', linkname: 'real' },
      { name: 'h', type: 'hardlink', linkname: 's/x' },
    ],
    'h',
    'hard link target "s/x" is not a regular file earlier in this archive',
  ],
  ['character device', [{ name: 'null', type: 'char' }], 'null', 'CharacterDevice is not allowed'],
  ['block device', [{ name: 'sda', type: 'block' }], 'sda', 'BlockDevice is not allowed'],
  ['fifo', [{ name: 'pipe', type: 'fifo' }], 'pipe', 'FIFO is not allowed'],
  // Entry order: links, directories and hard links that only escape in a certain order.
  [
    'symlink chain, then a directory of the same name, then a file through it',
    [...chainThenDir, { name: 'd/y/pwned.txt', type: 'file', body: 'pwned' }],
    'd/y/',
    'directory replaces an earlier symbolic link of the same name',
  ],
  [
    'the same, with the links replaced by files afterwards (reported success before)',
    [...chainThenDir, { name: 'd/y/pwned.txt', type: 'file', body: 'pwned' }, ...cover],
    'd/y/',
    'directory replaces an earlier symbolic link of the same name',
  ],
  [
    'a hard link through the chain to a file outside, links covered up (reported success before)',
    [...chainThenDir, { name: 'h', type: 'hardlink', linkname: 'd/y/secret.txt' }, ...cover],
    'd/y/',
    'directory replaces an earlier symbolic link of the same name',
  ],
  [
    'a hard link through a symlink declared earlier',
    [...chain, { name: 'h', type: 'hardlink', linkname: 'd/y/secret.txt' }],
    'h',
    'is not a regular file earlier in this archive',
  ],
  [
    'a hard link to a directory',
    [
      { name: 'sub/', type: 'dir' },
      { name: 'h', type: 'hardlink', linkname: 'sub' },
    ],
    'h',
    'is not a regular file earlier in this archive',
  ],
  [
    'a symlink chain declared in reverse order, then a file through it',
    [...chain, { name: 'd/y/pwned.txt', type: 'file', body: 'pwned' }],
    'd/y/pwned.txt',
    'parent "d/y" is a symbolic link in this archive',
  ],
  [
    'a symlink under another case of a directory name (one path on macOS)',
    [
      { name: 'Sub', type: 'symlink', linkname: '.' },
      { name: 'sub/x.txt', type: 'file', body: 'x' },
    ],
    'sub/x.txt',
    'parent "sub" is a symbolic link in this archive',
  ],
  [
    'a symlink replacing a directory whose files were written',
    [
      { name: 'sub/a.txt', type: 'file', body: 'a' },
      { name: 'sub', type: 'symlink', linkname: 'x' },
    ],
    'sub',
    'SymbolicLink replaces an earlier directory of the same name',
  ],
  [
    'a chain that escapes only once both links exist (caught on disk before anything moves)',
    chain,
    'd/y',
    'symbolic link resolves outside the extraction directory',
  ],
  [
    'a file under a file',
    [
      { name: 'a', type: 'file', body: 'a' },
      { name: 'a/b', type: 'file', body: 'b' },
    ],
    'a/b',
    'parent "a" is a file in this archive',
  ],
];

/** Refused, naming the entry and the archive; no escape, target as it was, no staging dir left behind. */
async function expectRefused(archive: string, entry: string, reason: string | RegExp, limits = {}) {
  const out = path.join(jail, 'out');
  await fs.mkdir(out);
  await fs.writeFile(path.join(out, 'keep.txt'), 'keep');
  const err = await unpackArchive(archive, out, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ArchiveEntryError);
  expect((err as ArchiveEntryError).entryPath).toBe(entry);
  expect((err as ArchiveEntryError).message).toMatch(reason);
  expect((err as ArchiveEntryError).message).toContain(archive);
  expect((await fs.readdir(jail)).sort()).toEqual([path.basename(archive), 'out', 'secret.txt']);
  expect(await fs.readdir(out)).toEqual(['keep.txt']);
  expect((await fs.stat(path.join(jail, 'secret.txt'))).nlink).toBe(1);
  return err as ArchiveEntryError;
}

test.each(corpus)('%s', async (_label, entries, entry, reason) => {
  // A harmless file first: nothing is written even when the bad entry comes later.
  const archive = path.join(jail, 'evil.tar.gz');
  await fs.writeFile(archive, rawTarGz([{ name: 'good.txt', type: 'file', body: 'good' }, ...entries]));
  await expectRefused(archive, entry, reason);
});

describe('bombs stop at their limit', () => {
  test('10 GiB in 10 MB: refused by its declared size before a byte is written', async () => {
    const archive = path.join(jail, 'bomb.tar.gz');
    expect(await writeBomb(archive, 10 * GiB)).toBeLessThan(11 * 1024 ** 2);
    await expectRefused(archive, 'weights.bin', /more than 4294967296 bytes \(limit maxBytes\)/);
  });

  test('10 GiB in 10 MB with maxBytes raised: refused by the expansion ratio after a few MiB', async () => {
    const archive = path.join(jail, 'bomb.tar.gz');
    await writeBomb(archive, 10 * GiB);
    const err = await expectRefused(archive, 'weights.bin', /more than 200x \(limit maxRatio\)/, {
      maxBytes: 16 * GiB,
    });
    const expanded = Number(/expands (\d+) bytes/.exec(err.reason)?.[1]);
    expect(expanded).toBeLessThan(64 * 1024 ** 2);
  });

  test('an entry flood stops at maxEntries, naming the first entry over', async () => {
    const archive = path.join(jail, 'flood.tar.gz');
    const names = Array.from({ length: 300 }, (_, i) => ({ name: `d${i}/`, type: 'dir' as const }));
    await fs.writeFile(archive, rawTarGz(names));
    await expectRefused(archive, 'd250/', 'more than 250 entries (limit maxEntries)', { maxEntries: 250 });
  });

  test('limits are checked: a non-positive limit is a programming error', async () => {
    await expect(unpackArchive('x.tar.gz', path.join(jail, 'out'), { maxRatio: 0 })).rejects.toThrow(
      'archive limit maxRatio must be a positive number, got 0',
    );
  });
});
