import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ArchiveEntryError } from './archive-error';
import { Budget } from './budget';
import { EntryWriter } from './extract-entries';
import { ArchiveLimits, DEFAULT_LIMITS, resolveLimits } from './limits';
import { readTar } from './read-tar';

export interface UnpackResult {
  dir: string;
  entries: number;
}

/**
 * Safely extracts a `.tar.gz` (or plain `.tar`) into `dir`, the one way this project unpacks archives.
 * Every entry is checked before it is written ({@link EntryPolicy}) and counted against `limits`
 * ({@link DEFAULT_LIMITS} where not given). Extraction goes to a private staging directory beside `dir`;
 * symlinks are re-verified on disk, and only then are the top-level entries moved into `dir`. So an
 * unsafe, oversized or corrupt archive leaves `dir` exactly as it was and no partial output behind.
 * Existing entries with the same names are replaced.
 */
export async function unpackArchive(
  archivePath: string,
  dir: string,
  limits?: Partial<ArchiveLimits>,
): Promise<UnpackResult> {
  const budget = new Budget(resolveLimits(limits, DEFAULT_LIMITS));
  const gzipped = await isGzip(archivePath);
  const target = path.resolve(dir);
  const staging = `${target}.unpack-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(staging, { mode: 0o700 });
  try {
    const entries = await extractChecked(archivePath, gzipped, staging, budget);
    await verifyLinksInside(archivePath, staging);
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

async function isGzip(archivePath: string): Promise<boolean> {
  const handle = await fs.open(archivePath, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new ArchiveEntryError(archivePath, '', `cannot read the archive (${err.code ?? err.message})`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function extractChecked(
  archivePath: string,
  gzipped: boolean,
  staging: string,
  budget: Budget,
): Promise<number> {
  const writer = new EntryWriter(archivePath, staging);
  const source = createReadStream(archivePath, { highWaterMark: 1024 * 1024 });
  let tar: Readable = source;
  let compressedBytes = () => source.bytesRead;
  if (gzipped) {
    // Gunzip runs on the thread pool, overlapping with parsing and with the writes in flight. A deep
    // read-ahead lets it keep inflating while entries are written (zlib streams take the Transform
    // options; @types/node's ZlibOptions just does not list them).
    const readAhead = { readableHighWaterMark: 8 * 1024 * 1024 } as object;
    const gunzip = source.pipe(createGunzip({ chunkSize: 256 * 1024, ...readAhead }));
    source.on('error', (err) => gunzip.destroy(err));
    // What gunzip has consumed, not what was read ahead: the ratio is then exact from the first chunk.
    compressedBytes = () => gunzip.bytesWritten;
    tar = gunzip;
  }
  try {
    await readTar(archivePath, { chunks: tar, compressedBytes }, budget, (entry, body) =>
      writer.write(entry, body),
    );
    await writer.finish();
  } catch (err) {
    tar.destroy();
    source.destroy();
    // Nothing may still be writing into the staging dir when the caller removes it.
    await writer.finish().catch(() => undefined);
    throw err instanceof ArchiveEntryError ? err : wrapError(archivePath, err);
  }
  return writer.count;
}

/** I/O and gzip errors, named after the archive (and the file, when Node says which). */
function wrapError(archive: string, err: unknown): ArchiveEntryError {
  const e = err as { message?: string; code?: string };
  return new ArchiveEntryError(archive, '', `${e.code ?? ''} ${e.message ?? String(err)}`.trim());
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
