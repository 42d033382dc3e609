import { BLOCK, RawHeader, TarFormatError, cString, isZeroBlock, parseHeader, parsePax } from './tar-header';

export type TarEntry = RawHeader;

/** An entry's data; read it (once) with `chunks()` or `all()`, or leave it and the reader skips it. */
export interface TarBody {
  readonly size: number;
  chunks(): AsyncGenerator<Buffer>;
  all(): Promise<Buffer>;
}

/**
 * Streams the entries of an uncompressed tar: each real entry (pax `x`/`g` and GNU `L`/`K` headers are
 * folded into the entry they describe) is passed to `onEntry` in archive order, which must finish with it
 * before the next is read. Rejects a truncated archive or a corrupt header.
 */
export async function readTar(
  source: AsyncIterable<Buffer>,
  onEntry: (entry: TarEntry, body: TarBody) => Promise<void>,
): Promise<void> {
  const bytes = new ByteReader(source);
  let pending: Partial<Pick<TarEntry, 'path' | 'linkpath' | 'size' | 'mtime'>> = {};
  for (;;) {
    const block = await bytes.read(BLOCK);
    if (block === null) throw new TarFormatError('archive ends without the end-of-archive marker');
    if (isZeroBlock(block)) return; // GNU tar, too, stops at the first zero block
    const raw = parseHeader(block);
    if (raw.type === 'ExtendedHeader' || raw.type === 'GlobalExtendedHeader') {
      const pax = parsePax(await bytes.readPadded(raw.size));
      // Global records would apply to every later entry; none of the keys we honour is set globally in
      // practice, so they are read and dropped (as node-tar does for path/linkpath).
      if (raw.type === 'ExtendedHeader') pending = { ...pending, ...fromPax(pax) };
      continue;
    }
    if (raw.type === 'NextFileHasLongPath' || raw.type === 'NextFileHasLongLinkpath') {
      const body = await bytes.readPadded(raw.size);
      const value = cString(body, 0, body.length);
      pending =
        raw.type === 'NextFileHasLongPath' ? { ...pending, path: value } : { ...pending, linkpath: value };
      continue;
    }
    const entry: TarEntry = { ...raw, ...pending };
    pending = {};
    // Only regular files carry data; a size on a link or directory header is ignored, as tar does.
    const size =
      entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile' ? entry.size : 0;
    const body = new Body(bytes, size);
    await onEntry(entry, body);
    await body.skipRest();
    await bytes.skip(padding(size));
  }
}

function fromPax(pax: Record<string, string>): Partial<TarEntry> {
  const out: Partial<TarEntry> = {};
  if (pax.path !== undefined) out.path = pax.path;
  if (pax.linkpath !== undefined) out.linkpath = pax.linkpath;
  if (pax.size !== undefined) {
    const size = Number(pax.size);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new TarFormatError(`invalid pax size ${JSON.stringify(pax.size)}`);
    out.size = size;
  }
  if (pax.mtime !== undefined && Number.isFinite(Number(pax.mtime))) out.mtime = Number(pax.mtime);
  return out;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

class Body implements TarBody {
  private left: number;
  constructor(
    private readonly bytes: ByteReader,
    readonly size: number,
  ) {
    this.left = size;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    while (this.left > 0) {
      const chunk = await this.bytes.readUpTo(this.left);
      this.left -= chunk.length;
      yield chunk;
    }
  }

  async all(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of this.chunks()) parts.push(c);
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, this.size);
  }

  async skipRest(): Promise<void> {
    await this.bytes.skip(this.left);
    this.left = 0;
  }
}

/** Exact-size reads over a stream of arbitrary chunks, copying only when a read spans chunks. */
class ByteReader {
  private readonly it: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Exactly n bytes, or null at a clean end of stream; throws when the stream ends part-way. */
  async read(n: number): Promise<Buffer | null> {
    while (this.buf.length < n) {
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        throw truncated();
      }
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Between 1 and n bytes (whatever is buffered), without copying. */
  async readUpTo(n: number): Promise<Buffer> {
    if (this.buf.length === 0 && !(await this.fill())) throw truncated();
    const out = this.buf.subarray(0, Math.min(n, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    // Safe to hand out without copying: stream chunks are fresh buffers, never reused by the source.
    return out;
  }

  /** A body plus its padding to the block boundary, as one buffer (for pax / long-name headers). */
  async readPadded(size: number): Promise<Buffer> {
    if (size > 1024 * 1024) throw new TarFormatError(`extended header of ${size} bytes is too large`);
    const body = size === 0 ? Buffer.alloc(0) : await this.read(size);
    if (body === null) throw truncated();
    await this.skip(padding(size));
    return Buffer.from(body);
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) left -= (await this.readUpTo(left)).length;
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    return true;
  }
}

const truncated = () => new TarFormatError('unexpected end of archive (truncated?)');
