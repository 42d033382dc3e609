import { gzipSync } from 'node:zlib';

/** ustar type flags, written raw so tests can build archives `tar` itself would refuse to create. */
export type RawType = 'file' | 'hardlink' | 'symlink' | 'char' | 'block' | 'dir' | 'fifo';
const FLAG: Record<RawType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

export interface RawEntry {
  name: string;
  type: RawType;
  linkname?: string;
  body?: string | Buffer;
  /** Size written in the header instead of the body's (a bomb declares what it never carries here). */
  declaredSize?: number;
}

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function octal(buf: Buffer, offset: number, length: number, n: number): void {
  field(buf, offset, length, n.toString(8).padStart(length - 1, '0') + '\0');
}

/** GNU base-256 for sizes octal cannot hold (8 GiB and up). */
function size(buf: Buffer, n: number): void {
  if (n < 8 ** 11) return octal(buf, 124, 12, n);
  buf[124] = 0x80;
  for (let i = 135, v = n; i > 124; i--, v = Math.floor(v / 256)) buf[i] = v % 256;
}

/** One ustar header block. */
export function rawHeader(e: RawEntry, bodyLength: number): Buffer {
  const h = Buffer.alloc(512);
  field(h, 0, 100, e.name);
  octal(h, 100, 8, e.type === 'dir' ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  size(h, e.declaredSize ?? (e.type === 'file' ? bodyLength : 0));
  octal(h, 136, 12, 1_700_000_000);
  field(h, 148, 8, '        ');
  field(h, 156, 1, FLAG[e.type]);
  field(h, 157, 100, e.linkname ?? '');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** An uncompressed ustar archive, byte by byte. */
export function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.body === undefined ? Buffer.alloc(0) : Buffer.from(e.body);
    blocks.push(rawHeader(e, body.length));
    if (e.type === 'file' && body.length > 0) {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Builds a gzip-compressed ustar archive byte by byte. */
export function rawTarGz(entries: RawEntry[]): Buffer {
  return gzipSync(rawTar(entries));
}
