import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createGzip, constants as zc } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { create } from 'tar';

export interface PackResult {
  archivePath: string;
  bytes: number;
}

/**
 * Packs the contents of `dir` (not the dir itself, like `tar -czf x -C dir .`) into a gzip level 6
 * tarball, SageMaker's `model.tar.gz` layout. The tar stream is compressed by Node's zlib, which
 * runs on the libuv thread pool, so reading files and compressing overlap like `tar | gzip`.
 * Written to a temp file and renamed, so a failure leaves no partial archive.
 */
export async function packDirectory(dir: string, tarGzPath: string): Promise<PackResult> {
  const stat = await fs.stat(dir);
  if (!stat.isDirectory()) throw new Error(`packDirectory: ${dir} is not a directory`);
  const entries = (await fs.readdir(dir)).sort();
  const absOut = path.resolve(tarGzPath);
  if (absOut.startsWith(path.resolve(dir) + path.sep)) {
    throw new Error(`packDirectory: archive ${tarGzPath} must not be inside the packed directory ${dir}`);
  }
  await fs.mkdir(path.dirname(absOut), { recursive: true });
  const tmp = `${absOut}.part-${randomBytes(4).toString('hex')}`;
  try {
    // portable: no uid/gid/uname/mtime noise from the build machine.
    // An empty model dir still gets a valid archive: a lone "./" entry, as `tar -czf x -C dir .`
    // writes (readers reject a tar with no entries at all).
    const tarStream = create(
      { cwd: dir, portable: true, strict: true },
      entries.length > 0 ? entries : ['.'],
    );
    await pipeline(
      tarStream,
      createGzip({ level: 6, chunkSize: 256 * 1024, memLevel: 8, strategy: zc.Z_DEFAULT_STRATEGY }),
      createWriteStream(tmp),
    );
    await fs.rename(tmp, absOut);
    return { archivePath: absOut, bytes: (await fs.stat(absOut)).size };
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
