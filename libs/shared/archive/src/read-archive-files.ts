import { gunzipSync } from 'node:zlib';
import type { ReadEntry } from 'tar';
import { ArchiveEntryError } from './archive-error';
import { Budget } from './budget';
import { EntryPolicy, normalizePath } from './entry-policy';
import { ArchiveLimits, DEFAULT_MEMORY_LIMITS, expansionCap, resolveLimits } from './limits';
import { dataSize, isFileType, strictParser } from './read-tar';

export interface ArchiveFile {
  /** Normalized path inside the archive: `model.json`, `sub/x.bin` (no `./`). */
  name: string;
  data: Buffer;
}

/**
 * The regular files of an in-memory tar or tar.gz (links and directories are checked, then skipped).
 * Same entry rules as {@link unpackArchive}; the uncompressed tar must fit `limits.maxBytes`
 * ({@link DEFAULT_MEMORY_LIMITS}), so a bomb stops there instead of filling the heap. `file` names the
 * archive in errors.
 */
export function readArchiveFiles(
  archive: Buffer,
  file: string,
  limits?: Partial<ArchiveLimits>,
): ArchiveFile[] {
  const resolved = resolveLimits(limits, DEFAULT_MEMORY_LIMITS);
  const tar = gunzipCapped(archive, file, resolved);
  const budget = new Budget(resolved);
  const policy = new EntryPolicy();
  const files: ArchiveFile[] = [];
  let failure: ArchiveEntryError | undefined;
  const parser = strictParser(file, (err) => (failure ??= err));
  let sawEnd = false;
  parser.on('eof', () => (sawEnd = true));
  parser.on('entry', (e: ReadEntry) => {
    if (failure) return void e.resume();
    const reason = budget.entry(dataSize(e)) ?? policy.check(e);
    if (reason) {
      failure = new ArchiveEntryError(file, e.path, reason);
      return void e.resume();
    }
    if (!isFileType(e.type)) return void e.resume();
    const parts: Buffer[] = [];
    e.on('data', (c: Buffer) => parts.push(c));
    e.on('end', () => files.push({ name: normalizePath(e.path), data: Buffer.concat(parts) }));
  });
  // Synchronous: node-tar parses a whole buffer within end() when the entries are consumed as they come.
  parser.end(tar);
  if (failure) throw failure;
  if (!sawEnd) throw new ArchiveEntryError(file, '', 'archive ends without the end-of-archive marker');
  return files;
}

function gunzipCapped(archive: Buffer, file: string, limits: ArchiveLimits): Buffer {
  const cap = Math.min(limits.maxBytes, expansionCap(archive.length, limits));
  if (!(archive.length >= 2 && archive[0] === 0x1f && archive[1] === 0x8b)) {
    if (archive.length > limits.maxBytes) {
      throw new ArchiveEntryError(
        file,
        '',
        `tar of ${archive.length} bytes is over ${limits.maxBytes} (limit maxBytes)`,
      );
    }
    return archive;
  }
  try {
    // maxOutputLength makes zlib stop at the cap instead of allocating the whole bomb.
    return gunzipSync(archive, { maxOutputLength: cap });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArchiveEntryError(
        file,
        '',
        `expands to more than ${cap} bytes (limits maxBytes ${limits.maxBytes}, maxRatio ${limits.maxRatio})`,
      );
    }
    throw new ArchiveEntryError(file, '', `not a valid gzip file (${err.message})`);
  }
}
