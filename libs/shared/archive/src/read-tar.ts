import { once } from 'node:events';
import { Parser, type ReadEntry } from 'tar';
import { ArchiveEntryError } from './archive-error';
import { Budget } from './budget';

/** An entry's data; read it (once) with `chunks()` or `all()`, or leave it and the reader skips it. */
export interface TarBody {
  readonly size: number;
  chunks(): AsyncIterable<Buffer>;
  all(): Promise<Buffer>;
}

export interface TarEntry {
  path: string;
  /** node-tar's type name: `File`, `Directory`, `SymbolicLink`, `Link`, ... */
  type: string;
  linkpath: string;
  mode: number;
  size: number;
  mtime: Date;
}

export interface TarSource {
  /** Uncompressed tar bytes. */
  chunks: AsyncIterable<Buffer>;
  /** Compressed bytes read so far, for the expansion ratio. */
  compressedBytes(): number;
}

/** A parser that turns node-tar's warnings and errors into one ArchiveEntryError naming the entry. */
export function strictParser(archive: string, onError: (err: ArchiveEntryError) => void): Parser {
  const parser = new Parser({ strict: true });
  let current = '';
  let sawEnd = false;
  parser.on('entry', (e: ReadEntry) => (current = e.path));
  parser.on('eof', () => (sawEnd = true));
  parser.on('error', (err: Error) => {
    // Just the end-of-archive marker (what GNU tar and the local stack write for an empty dir) is an
    // empty archive, not "not a tar" as node-tar says.
    if (sawEnd && current === '' && /Unrecognized archive format/.test(err.message)) return;
    onError(new ArchiveEntryError(archive, current, err.message));
  });
  return parser;
}

export const entryOf = (e: ReadEntry): TarEntry => ({
  path: e.path,
  type: e.type,
  linkpath: e.linkpath ?? '',
  mode: (e.mode ?? 0) & 0o7777,
  size: e.size ?? 0,
  mtime: e.mtime ?? new Date(0),
});

/**
 * Streams the entries of a tar (parsed by node-tar) to `onEntry`, one at a time in archive order; each must
 * be finished with before the next is handed over. Limits are enforced as the bytes arrive, so a bomb stops
 * at its limit. Rejects a corrupt or truncated archive, or one without the end-of-archive marker.
 */
export async function readTar(
  archive: string,
  source: TarSource,
  budget: Budget,
  onEntry: (entry: TarEntry, body: TarBody) => Promise<void>,
): Promise<void> {
  let failure: ArchiveEntryError | undefined;
  const aborted = new AbortController();
  let consuming: ReadEntry | undefined;
  const fail = (err: ArchiveEntryError) => {
    failure ??= err;
    aborted.abort();
    consuming?.destroy(err); // a handler waiting for the rest of a body must not wait forever
    wake();
  };
  const parser = strictParser(archive, fail);
  const queue: ReadEntry[] = [];
  let sawEnd = false;
  let ended = false;
  let wake: () => void = () => undefined;
  let lastPath = '';
  parser.on('entry', (e: ReadEntry) => {
    lastPath = e.path;
    // Checked as each header is parsed: a flood of tiny entries never reaches the writer.
    const over = budget.entry(dataSize(e));
    if (over) return fail(new ArchiveEntryError(archive, e.path, over));
    queue.push(e);
    wake();
  });
  parser.on('eof', () => (sawEnd = true));

  const pump = (async () => {
    for await (const chunk of source.chunks) {
      if (failure) return;
      const over = budget.expanded(chunk.length, source.compressedBytes());
      if (over) return fail(new ArchiveEntryError(archive, lastPath, over));
      if (!parser.write(chunk)) await once(parser, 'drain', { signal: aborted.signal });
    }
    // Not events.once: that rejects on 'error', which the strict parser handles itself. Listening
    // first, as end() may emit 'end' synchronously.
    const end = new Promise<void>((resolve) => {
      parser.on('end', resolve);
      aborted.signal.addEventListener('abort', () => resolve());
    });
    parser.end();
    await end;
    if (failure) return;
    if (!sawEnd) fail(new ArchiveEntryError(archive, '', 'archive ends without the end-of-archive marker'));
  })().then(
    () => {
      ended = true;
      wake();
    },
    (err: unknown) => {
      if (!aborted.signal.aborted) {
        const e = err as { code?: string; message?: string };
        fail(new ArchiveEntryError(archive, lastPath, `${e.code ?? ''} ${e.message ?? String(err)}`.trim()));
      }
    },
  );

  try {
    for (;;) {
      if (failure) throw failure;
      const e = queue.shift();
      if (e) {
        consuming = e;
        await onEntry(entryOf(e), bodyOf(e));
        consuming = undefined;
        e.resume(); // skip whatever the handler left unread
      } else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    aborted.abort();
    await pump;
  }
}

/** Only regular files carry data; a size on a link or directory header is ignored, as tar does. */
export const isFileType = (type: string) =>
  type === 'File' || type === 'OldFile' || type === 'ContiguousFile';
export const dataSize = (e: { type: string; size?: number }) => (isFileType(e.type) ? (e.size ?? 0) : 0);

function bodyOf(e: ReadEntry): TarBody {
  const size = dataSize(e);
  return {
    size,
    chunks: () => e,
    async all() {
      const parts: Buffer[] = [];
      for await (const c of e) parts.push(c);
      return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    },
  };
}
