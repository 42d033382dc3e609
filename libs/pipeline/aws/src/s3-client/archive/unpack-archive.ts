import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { ArchiveEntryError } from './archive-entry-error';
import { EntryWriter } from './extract-entries';
import { readTar } from './tar-reader';

export interface UnpackResult {
  dir: string;
  entries: number;
}

/**
 * Safely extracts a `.tar.gz` into `dir`. Every entry is checked before it is written
 * ({@link EntryPolicy}); extraction goes to a private staging directory beside `dir`, links are
 * re-verified on disk, and only then are the top-level entries moved into `dir`. So an unsafe or
 * corrupt archive leaves `dir` exactly as it was. Existing entries with the same names are replaced.
 */
export async function unpackArchive(tarGzPath: string, dir: string): Promise<UnpackResult> {
  await fs.access(tarGzPath);
  const target = path.resolve(dir);
  const staging = `${target}.unpack-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(staging, { recursive: true });
  try {
    const entries = await extractChecked(tarGzPath, staging);
    await verifyLinksInside(tarGzPath, staging);
    await fs.mkdir(target, { recursive: true });
    for (const name of await fs.readdir(staging)) {
      const dest = path.join(target, name);
      await fs.rm(dest, { recursive: true, force: true });
      await fs.rename(path.join(staging, name), dest);
    }
    return { dir: target, entries };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function extractChecked(tarGzPath: string, staging: string): Promise<number> {
  const writer = new EntryWriter(tarGzPath, staging);
  // Gunzip runs on the thread pool, overlapping with parsing and with the writes in flight.
  const source = createReadStream(tarGzPath, { highWaterMark: 1024 * 1024 });
  // A deep read-ahead lets gunzip keep inflating while entries are being written (zlib streams take the
  // Transform options; @types/node's ZlibOptions just does not list them).
  const readAhead = { readableHighWaterMark: 8 * 1024 * 1024 } as object;
  const tar = source.pipe(createGunzip({ chunkSize: 256 * 1024, ...readAhead }));
  source.on('error', (err) => tar.destroy(err));
  try {
    await readTar(tar, (entry, body) => writer.write(entry, body));
    await writer.finish();
  } catch (err) {
    tar.destroy();
    // Nothing may still be writing into the staging dir when the caller removes it.
    await writer.finish().catch(() => undefined);
    throw err instanceof ArchiveEntryError ? err : wrapTarError(tarGzPath, err);
  }
  return writer.count;
}

function wrapTarError(archive: string, err: unknown): Error {
  const e = err as { message?: string; code?: string; path?: string };
  const where = e.path ? ` (entry ${JSON.stringify(e.path)})` : '';
  return new Error(`unpackArchive: ${archive}${where}: ${e.code ?? ''} ${e.message ?? String(err)}`.trim());
}

/** Second line of defence: every symlink must resolve, on disk, inside the staging dir. */
async function verifyLinksInside(archive: string, staging: string): Promise<void> {
  const root = await fs.realpath(staging);
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    for (const e of await fs.readdir(path.join(staging, rel), { withFileTypes: true })) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(childRel);
      else if (e.isSymbolicLink()) {
        let real: string;
        try {
          real = await fs.realpath(path.join(staging, childRel));
        } catch {
          throw new ArchiveEntryError(archive, childRel, 'symbolic link does not resolve inside the archive');
        }
        if (real !== root && !real.startsWith(root + path.sep)) {
          throw new ArchiveEntryError(
            archive,
            childRel,
            'symbolic link resolves outside the extraction directory',
          );
        }
      }
    }
  }
}
