import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ArchiveEntryError } from './archive-error';
import { EntryPolicy, normalizePath as normalize } from './entry-policy';
import type { TarBody, TarEntry } from './read-tar';

/** Files up to this size are read whole and written in the background, several at once. */
const SMALL_FILE = 1024 * 1024;
/** Writes in flight; they run on the libuv thread pool while parsing goes on. */
const MAX_IN_FLIGHT = 16;
/** Chunk writes in flight for one large file. */
const LARGE_FILE_WRITES = 4;

/**
 * Writes checked tar entries under `root` (a fresh, private directory). Every entry passes
 * {@link EntryPolicy} before anything is written, so no write goes through a symlink. Small files are written concurrently, which is where
 * this beats a sequential extractor on trees of many small files; writes to the same path, and hard
 * links to their targets, stay in archive order.
 */
export class EntryWriter {
  private readonly policy = new EntryPolicy();
  private readonly dirs = new Map<string, Promise<void>>();
  /** Last write to each path, so a later entry of the same name (or a hard link to it) waits for it. */
  private readonly lastWrite = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  private readonly umask = process.umask();
  count = 0;

  constructor(
    private readonly archive: string,
    private readonly root: string,
  ) {
    this.dirs.set('', Promise.resolve());
  }

  /** Handles one entry; throws ArchiveEntryError for an unsafe one, before writing anything for it. */
  async write(entry: TarEntry, body: TarBody): Promise<void> {
    this.throwIfFailed();
    const reason = this.policy.check({ path: entry.path, type: entry.type, linkpath: entry.linkpath });
    if (reason) throw new ArchiveEntryError(this.archive, entry.path, reason);
    this.count++;
    const rel = normalize(entry.path);
    if (rel === '') return; // "./": the root itself
    const mode = entry.mode & ~this.umask;
    switch (entry.type) {
      case 'Directory':
        await this.schedule(this.ensureDir(rel, mode || 0o755));
        return;
      case 'SymbolicLink':
        return this.replace(rel, (full) => fs.symlink(entry.linkpath, full));
      case 'Link': {
        const target = normalize(entry.linkpath);
        const targetWritten = this.lastWrite.get(target); // as of this point in the archive
        return this.replace(rel, async (full) => {
          await targetWritten;
          // link(2) does not follow a symlink in its last component, and the policy has made sure
          // the target is a file written by this archive, under real directories only.
          await fs.link(path.join(this.root, target), full);
        });
      }
      default: // File, OldFile, ContiguousFile (the policy let nothing else through)
        if (body.size <= SMALL_FILE) {
          const data = await body.all();
          return this.replace(rel, async (full) => {
            await fs.writeFile(full, data, { mode, flag: 'wx' });
            await fs.utimes(full, entry.mtime, entry.mtime);
          });
        }
        // Large files stream through, one at a time, so memory stays bounded; a few positional writes stay
        // in flight so writing overlaps with decompressing the next chunks.
        // Awaited here: `create` consumes the entry's body from the stream.
        return this.writeInOrder(rel, async (full) => {
          const handle = await fs.open(full, 'wx', mode);
          const writes = new Set<Promise<void>>();
          let failed: unknown;
          try {
            let position = 0;
            for await (const chunk of body.chunks()) {
              const w: Promise<void> = handle.write(chunk, 0, chunk.length, position).then(
                () => void writes.delete(w),
                (err: unknown) => void (failed ??= err),
              );
              writes.add(w);
              position += chunk.length;
              if (writes.size >= LARGE_FILE_WRITES) await Promise.race(writes);
              if (failed) throw failed;
            }
            await Promise.all(writes);
            if (failed) throw failed;
            await handle.utimes(entry.mtime, entry.mtime);
          } finally {
            await Promise.allSettled(writes);
            await handle.close();
          }
        });
    }
  }

  /** Waits for every write; rethrows the first failure. Always call it, even after an error. */
  async finish(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    this.throwIfFailed();
  }

  /** A background write of `rel` (small files, links): parsing goes on while it runs. */
  private async replace(rel: string, create: (full: string) => Promise<void>): Promise<void> {
    await this.schedule(this.writeInOrder(rel, create));
  }

  /**
   * Starts writing `rel` after any earlier write to the same path, first removing what that entry left
   * (tar semantics: the later entry wins; never write through an earlier symlink).
   */
  private writeInOrder(rel: string, create: (full: string) => Promise<void>): Promise<void> {
    const previous = this.lastWrite.get(rel);
    const task = (async () => {
      await this.ensureDir(parentOf(rel));
      const full = path.join(this.root, rel);
      if (previous) {
        await previous;
        await fs.rm(full, { recursive: true, force: true });
      }
      await create(full);
    })();
    this.lastWrite.set(
      rel,
      task.catch(() => undefined),
    );
    return task;
  }

  private ensureDir(rel: string, mode?: number): Promise<void> {
    let made = this.dirs.get(rel);
    if (!made) {
      made = fs
        .mkdir(path.join(this.root, rel), { recursive: true, ...(mode ? { mode } : {}) })
        .then(() => undefined);
      this.dirs.set(rel, made);
    }
    return made;
  }

  private async schedule(task: Promise<void>): Promise<void> {
    const tracked = task.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    while (this.inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.inFlight);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

function parentOf(rel: string): string {
  const dir = path.posix.dirname(rel);
  return dir === '.' ? '' : dir;
}
