// unpackArchive's own tar reader against archives written by GNU tar in each of its formats, plus the
// corruptions a reader must notice. The safety rules are covered in archive.spec.ts.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { unpackArchive } from '../src';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-tar-reader-'));
});
afterEach(async () => fs.rm(tmp, { recursive: true, force: true }));

const LONG_DIR = `deep/${'d'.repeat(120)}/${'e'.repeat(90)}`;
const LONG_FILE = `${LONG_DIR}/${'f'.repeat(150)}.json`;
/** Over 100 chars but splittable: ustar stores it in the prefix and name fields. */
const PREFIXED = `pre/${'q'.repeat(80)}/${'r'.repeat(60)}.txt`;

/** A tree with what model dirs hold: long paths, unicode, modes, links, a multi-MiB file, many small files. */
async function makeTree(root: string): Promise<void> {
  await fs.mkdir(path.join(root, LONG_DIR), { recursive: true });
  await fs.writeFile(path.join(root, LONG_FILE), '{"long":true}');
  await fs.mkdir(path.dirname(path.join(root, PREFIXED)), { recursive: true });
  await fs.writeFile(path.join(root, PREFIXED), 'prefixed');
  await fs.writeFile(path.join(root, 'モデル-ü.txt'), 'unicode');
  await fs.writeFile(path.join(root, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  await fs.utimes(path.join(root, 'run.sh'), 1_600_000_000, 1_600_000_000);
  const big = Buffer.alloc(3 * 1024 * 1024 + 123);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 251;
  await fs.writeFile(path.join(root, 'weights.bin'), big);
  await fs.mkdir(path.join(root, 'small'));
  for (let i = 0; i < 300; i++) await fs.writeFile(path.join(root, 'small', `f${i}.txt`), `file ${i}`);
  await fs.symlink(LONG_FILE, path.join(root, 'latest.json'));
  await fs.link(path.join(root, 'weights.bin'), path.join(root, 'weights-hard.bin'));
  await fs.mkdir(path.join(root, 'empty'));
}

/** Relative path → kind, content hash or link target, mode; compared between our and GNU extraction. */
async function describeTree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const rel of (await fs.readdir(root, { recursive: true })).sort()) {
    const full = path.join(root, rel);
    const st = await fs.lstat(full);
    if (st.isSymbolicLink()) out.push(`${rel} -> ${await fs.readlink(full)}`);
    else if (st.isDirectory()) out.push(`${rel}/`);
    else {
      const data = await fs.readFile(full);
      const sum = data.reduce((a, b) => (a * 31 + b) % 1_000_000_007, 7);
      out.push(
        // Whole seconds: node-tar reads a pax mtime through a float, so x.902 s may come back as x.901 s.
        `${rel} ${data.length}B #${sum} mode ${(st.mode & 0o777).toString(8)} mtime ${Math.floor(st.mtimeMs / 1000)}`,
      );
    }
  }
  return out;
}

describe.each(['gnu', 'pax', 'ustar', 'oldgnu'])('archives written by GNU tar --format=%s', (format) => {
  jest.setTimeout(20_000); // builds a 300-file tree and runs GNU tar twice, on a shared 2-core machine
  test('extract exactly like GNU tar -xzf', async () => {
    const src = path.join(tmp, 'src');
    await fs.mkdir(src);
    await makeTree(src);
    const archive = path.join(tmp, 'a.tar.gz');
    const ustarCannot = format === 'ustar';
    // ustar cannot hold a 150-char file name: GNU tar refuses such members, so they are left out there.
    execFileSync('tar', [
      `--format=${format}`,
      '-czf',
      archive,
      '-C',
      src,
      ...(ustarCannot ? ['--exclude', 'deep', '--exclude', 'latest.json'] : []),
      '.',
    ]);
    const ours = path.join(tmp, 'ours');
    const gnu = path.join(tmp, 'gnu');
    await fs.mkdir(gnu);
    execFileSync('tar', ['-xzf', archive, '-C', gnu]);

    const { entries } = await unpackArchive(archive, ours);

    expect(await describeTree(ours)).toEqual(await describeTree(gnu));
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(entries).toBe(listed.length);
    expect((await fs.stat(path.join(ours, 'run.sh'))).mode & 0o777).toBe(0o755 & ~process.umask());
    expect((await fs.stat(path.join(ours, 'run.sh'))).mtimeMs).toBe(1_600_000_000_000);
    const hard = await fs.stat(path.join(ours, 'weights-hard.bin'));
    expect(hard.ino).toBe((await fs.stat(path.join(ours, 'weights.bin'))).ino);
    expect(await fs.readFile(path.join(ours, PREFIXED), 'utf8')).toBe('prefixed');
    if (!ustarCannot) expect(await fs.readFile(path.join(ours, 'latest.json'), 'utf8')).toBe('{"long":true}');
  });
});

/** A one-file ustar archive (uncompressed), for byte-level corruption. */
async function smallTar(): Promise<Buffer> {
  const src = path.join(tmp, 'one');
  await fs.mkdir(src);
  await fs.writeFile(path.join(src, 'a.txt'), 'a'.repeat(2000));
  return execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', src, 'a.txt']);
}

test('a later entry of the same name replaces the earlier one, as with tar', async () => {
  const src = path.join(tmp, 'dup');
  await fs.mkdir(src);
  await fs.writeFile(path.join(src, 'x.txt'), 'first');
  const first = execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', src, 'x.txt']);
  await fs.writeFile(path.join(src, 'x.txt'), 'second, longer');
  const second = execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', src, 'x.txt']);
  // Two archives back to back, the end marker of the first dropped.
  const both = Buffer.concat([first.subarray(0, 1024), second]);
  await fs.writeFile(path.join(tmp, 'dup.tar.gz'), gzipSync(both));
  await unpackArchive(path.join(tmp, 'dup.tar.gz'), path.join(tmp, 'out'));
  expect(await fs.readFile(path.join(tmp, 'out', 'x.txt'), 'utf8')).toBe('second, longer');
});

test.each([
  [
    'a corrupt header (bad checksum)',
    (t: Buffer) => {
      const c = Buffer.from(t);
      c[10] ^= 0xff;
      return c;
    },
    /TAR_ENTRY_INVALID: checksum failure/,
  ],
  ['a truncated body', (t: Buffer) => t.subarray(0, 1024), /TAR_BAD_ARCHIVE: Truncated input/],
  ['no end-of-archive marker', (t: Buffer) => t.subarray(0, 512 * 5), /without the end-of-archive marker/],
])('%s is refused with an error naming the archive, and the target is untouched', async (_l, corrupt, re) => {
  const bad = corrupt(await smallTar());
  const archive = path.join(tmp, 'bad.tar.gz');
  await fs.writeFile(archive, gzipSync(bad));
  const dst = path.join(tmp, 'dst');
  await fs.mkdir(dst);
  await fs.writeFile(path.join(dst, 'keep.txt'), 'keep');
  const err = await unpackArchive(archive, dst).catch((e: unknown) => e as Error);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toMatch(re);
  expect((err as Error).message).toContain(archive);
  expect(await fs.readdir(dst)).toEqual(['keep.txt']);
  expect((await fs.readdir(tmp)).sort()).toEqual(['bad.tar.gz', 'dst', 'one']);
});
