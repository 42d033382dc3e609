import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { packDirectory, unpackArchive } from '../src';
import { rawTarGz } from './support/raw-tar';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'aws-archive-'));
});
afterEach(async () => fs.rm(tmp, { recursive: true, force: true }));

async function snapshot(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const e of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) {
        out.push(`${r}/`);
        await walk(r);
      } else if (e.isSymbolicLink()) out.push(`${r} -> ${await fs.readlink(path.join(root, r))}`);
      else out.push(`${r}:${(await fs.readFile(path.join(root, r))).toString('utf8')}`);
    }
  };
  await walk('');
  return out.sort();
}

describe('packDirectory / unpackArchive', () => {
  test('round-trips files, nested dirs, empty dirs and internal symlinks', async () => {
    const src = path.join(tmp, 'model');
    await fs.mkdir(path.join(src, 'weights', 'empty'), { recursive: true });
    await fs.writeFile(path.join(src, 'model.json'), '{"a":1}');
    await fs.writeFile(path.join(src, 'weights', 'w.bin'), 'w'.repeat(100_000));
    await fs.symlink('weights/w.bin', path.join(src, 'latest'));
    const packed = await packDirectory(src, path.join(tmp, 'out', 'model.tar.gz'));
    expect(packed.bytes).toBeGreaterThan(0);
    expect(packed.bytes).toBeLessThan(100_000); // compressed

    // GNU tar reads it and sees the contents at the top level (SageMaker's layout).
    const listing = execFileSync('tar', ['-tzf', packed.archivePath], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(listing).toEqual(['latest', 'model.json', 'weights/', 'weights/empty/', 'weights/w.bin']);

    const dst = path.join(tmp, 'unpacked');
    const res = await unpackArchive(packed.archivePath, dst);
    expect(res.entries).toBe(5);
    expect(await snapshot(dst)).toEqual(await snapshot(src));
    // The staging directory is gone.
    expect((await fs.readdir(tmp)).sort()).toEqual(['model', 'out', 'unpacked']);
  });

  test('unpacks archives made by GNU tar -czf', async () => {
    const src = path.join(tmp, 'src');
    await fs.mkdir(path.join(src, 'd'), { recursive: true });
    await fs.writeFile(path.join(src, 'd', 'f.txt'), 'hello');
    execFileSync('tar', ['-czf', path.join(tmp, 'gnu.tar.gz'), '-C', src, '.']);
    await unpackArchive(path.join(tmp, 'gnu.tar.gz'), path.join(tmp, 'x'));
    expect(await fs.readFile(path.join(tmp, 'x', 'd', 'f.txt'), 'utf8')).toBe('hello');
  });

  test('packDirectory refuses a missing dir and an archive inside the packed dir', async () => {
    await expect(packDirectory(path.join(tmp, 'nope'), path.join(tmp, 'a.tar.gz'))).rejects.toThrow(/nope/);
    await fs.mkdir(path.join(tmp, 'd'));
    await expect(packDirectory(path.join(tmp, 'd'), path.join(tmp, 'd', 'a.tar.gz'))).rejects.toThrow(
      'must not be inside the packed directory',
    );
    expect(await fs.readdir(path.join(tmp, 'd'))).toEqual([]);
  });

  test('an empty directory packs to a valid empty archive', async () => {
    await fs.mkdir(path.join(tmp, 'empty'));
    const packed = await packDirectory(path.join(tmp, 'empty'), path.join(tmp, 'empty.tar.gz'));
    expect(execFileSync('tar', ['-tzf', packed.archivePath], { encoding: 'utf8' })).toBe('./\n');
    const res = await unpackArchive(packed.archivePath, path.join(tmp, 'x'));
    expect(res.entries).toBe(1);
    expect(await fs.readdir(path.join(tmp, 'x'))).toEqual([]);
  });

  test("the local stack's empty archive (just the end-of-archive marker) unpacks to nothing", async () => {
    await fs.writeFile(path.join(tmp, 'e.tar.gz'), gzipSync(Buffer.alloc(1024)));
    expect((await unpackArchive(path.join(tmp, 'e.tar.gz'), path.join(tmp, 'x'))).entries).toBe(0);
    expect(await fs.readdir(path.join(tmp, 'x'))).toEqual([]);
  });

  test('a corrupt archive fails and leaves the target untouched', async () => {
    const good = rawTarGz([{ name: 'a.txt', type: 'file', body: 'a'.repeat(5000) }]);
    await fs.writeFile(path.join(tmp, 'trunc.tar.gz'), good.subarray(0, good.length - 20));
    const dst = path.join(tmp, 'dst');
    await fs.mkdir(dst);
    await fs.writeFile(path.join(dst, 'keep.txt'), 'keep');
    await expect(unpackArchive(path.join(tmp, 'trunc.tar.gz'), dst)).rejects.toThrow(/trunc\.tar\.gz/);
    expect(await snapshot(dst)).toEqual(['keep.txt:keep']);
    expect((await fs.readdir(tmp)).sort()).toEqual(['dst', 'trunc.tar.gz']);
  });
});

describe('unpackArchive: what the refusals in hostile.spec.ts let through', () => {
  test('the same archives without the bad entry extract fine (the checks are specific)', async () => {
    const archive = path.join(tmp, 'ok.tar.gz');
    await fs.writeFile(
      archive,
      rawTarGz([
        { name: 'real/', type: 'dir' },
        { name: 'real/x', type: 'file', body: 'data' },
        { name: 'sub/', type: 'dir' },
        { name: 'sub/link', type: 'symlink', linkname: '../real/x' },
        { name: 'hard', type: 'hardlink', linkname: 'real/x' },
        { name: 'dots..name.txt', type: 'file', body: 'd' },
      ]),
    );
    await unpackArchive(archive, path.join(tmp, 'dst'));
    expect(await snapshot(path.join(tmp, 'dst'))).toEqual([
      'dots..name.txt:d',
      'hard:data',
      'real/',
      'real/x:data',
      'sub/',
      'sub/link -> ../real/x',
    ]);
  });
});
