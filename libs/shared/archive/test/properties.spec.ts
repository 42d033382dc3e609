// Property-based tests (fast-check): whatever the entries, their order and their bytes, the reader either
// refuses with an ArchiveEntryError or extracts, and nothing ever lands outside the target. Bounded runs
// keep this file to a few seconds; a failure prints the seed and the shrunk archive to replay.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as fc from 'fast-check';
import { ArchiveEntryError, readArchiveFiles, unpackArchive } from '../src';
import { RawEntry, rawTar, rawTarGz } from './support/raw-tar';

// Few, colliding names, so that generated archives reuse paths and build chains, as attacks do.
const segment = fc.constantFrom('a', 'b', 'A', '.', '..', 'x y');
const relPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
const linkTarget = fc.oneof(relPath, fc.constantFrom('/etc', '../..', '.', '../secret.txt', 'a/../..'));
const entry: fc.Arbitrary<RawEntry> = fc.oneof(
  fc.record({ name: relPath, type: fc.constant('file' as const), body: fc.string({ maxLength: 20 }) }),
  fc.record({ name: relPath.map((p) => `${p}/`), type: fc.constant('dir' as const) }),
  fc.record({ name: relPath, type: fc.constant('symlink' as const), linkname: linkTarget }),
  fc.record({ name: relPath, type: fc.constant('hardlink' as const), linkname: linkTarget }),
);

/** Every path under root, not following symlinks (readdir's `recursive` walks into them). */
async function listTree(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = path.join(rel, e.name);
    out.push(child);
    if (e.isDirectory()) out.push(...(await listTree(root, child)));
  }
  return out;
}

test('no generated archive writes outside the target; every kept symlink resolves inside it', async () => {
  const jail = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-prop-'));
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), async (entries) => {
        const out = path.join(jail, 'out');
        await fs.rm(out, { recursive: true, force: true });
        await fs.writeFile(path.join(jail, 'secret.txt'), 'secret');
        const archive = path.join(jail, 'a.tar.gz');
        await fs.writeFile(archive, rawTarGz(entries));
        const result = await unpackArchive(archive, out).then(
          () => 'ok',
          (e: unknown) => e,
        );
        if (result !== 'ok') {
          expect(result).toBeInstanceOf(ArchiveEntryError);
          expect((await fs.readdir(jail)).sort()).toEqual(['a.tar.gz', 'secret.txt']);
        } else {
          expect((await fs.readdir(jail)).sort()).toEqual(['a.tar.gz', 'out', 'secret.txt']);
          const root = await fs.realpath(out);
          for (const rel of await listTree(out)) {
            const real = await fs.realpath(path.join(out, rel));
            expect(real === root || real.startsWith(root + path.sep)).toBe(true);
          }
        }
        expect((await fs.stat(path.join(jail, 'secret.txt'))).nlink).toBe(1);
      }),
      { numRuns: 60 },
    );
  } finally {
    await fs.rm(jail, { recursive: true, force: true });
  }
});

test('the in-memory reader refuses a damaged archive with ArchiveEntryError, never anything else', () => {
  const good = rawTar([
    { name: 'model.json', type: 'file', body: '{"m":1}' },
    { name: 'sub/', type: 'dir' },
    { name: 'sub/w.bin', type: 'file', body: Buffer.alloc(700, 3) },
  ]);
  const damage = fc.oneof(
    fc.record({ at: fc.nat(good.length - 1), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) => {
      const b = Buffer.from(good);
      b[at] = byte;
      return b;
    }),
    fc.nat(good.length).map((n) => good.subarray(0, n)),
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
  );
  fc.assert(
    fc.property(damage, fc.boolean(), (tar, gzip) => {
      try {
        const files = readArchiveFiles(gzip ? gzipSync(tar) : tar, 'model.tar.gz');
        for (const f of files) expect(f.name).not.toMatch(/(^|\/)\.\.(\/|$)|^\//);
      } catch (e) {
        expect(e).toBeInstanceOf(ArchiveEntryError);
        expect((e as Error).message).toContain('model.tar.gz');
      }
    }),
    { numRuns: 300 },
  );
});

test('what the in-memory reader returns is what the archive holds', () => {
  const name = fc
    .array(fc.constantFrom('a', 'b', 'c', 'model.json'), { minLength: 1, maxLength: 3 })
    .map((s) => s.join('/'));
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 600 })), {
        selector: ([n]) => n,
        maxLength: 6,
      }),
      (files) => {
        // A name both a file and a parent dir is refused; keep the generated trees consistent.
        const names = files.map(([n]) => n);
        fc.pre(!names.some((n) => names.some((m) => m.startsWith(`${n}/`))));
        fc.pre(files.length > 0);
        const tar = rawTar(files.map(([n, body]) => ({ name: n, type: 'file', body: Buffer.from(body) })));
        const read = readArchiveFiles(gzipSync(tar), 't.tar.gz');
        expect(read.map((f) => [f.name, [...f.data]])).toEqual(files.map(([n, b]) => [n, [...b]]));
      },
    ),
    { numRuns: 200 },
  );
});
