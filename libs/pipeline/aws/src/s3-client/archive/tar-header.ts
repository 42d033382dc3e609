/**
 * Decoding of one 512-byte tar header block (POSIX ustar, with the GNU and pax extensions that GNU tar,
 * Python's tarfile and node-tar write). Pure functions on buffers: no I/O.
 */

export const BLOCK = 512;

/** Type names as node-tar spells them, so entry-policy messages read the same whoever parsed the entry. */
const TYPE_NAMES: Record<string, string> = {
  '0': 'File',
  '': 'OldFile',
  '1': 'Link',
  '2': 'SymbolicLink',
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '5': 'Directory',
  '6': 'FIFO',
  '7': 'ContiguousFile',
  g: 'GlobalExtendedHeader',
  x: 'ExtendedHeader',
  A: 'SolarisACL',
  D: 'GNUDumpDir',
  I: 'Inode',
  K: 'NextFileHasLongLinkpath',
  L: 'NextFileHasLongPath',
  M: 'ContinuationFile',
  N: 'OldGnuLongPath',
  S: 'SparseFile',
  V: 'TapeVolumeHeader',
  X: 'OldExtendedHeader',
};

export interface RawHeader {
  /** name, joined with the ustar prefix when there is one. */
  path: string;
  /** node-tar's type name (`File`, `Directory`, `SymbolicLink`, ...), or `Unknown(<flag>)`. */
  type: string;
  linkpath: string;
  mode: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

/** True for an all-zero block (the end-of-archive marker is two of them). */
export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** Parses a header block; throws TarFormatError on a bad checksum (a corrupt or non-tar stream). */
export function parseHeader(block: Buffer): RawHeader {
  verifyChecksum(block);
  const flag = String.fromCharCode(block[156]).replace('\0', '');
  const name = cString(block, 0, 100);
  const ustar = block.toString('latin1', 257, 262) === 'ustar';
  const prefix = ustar ? cString(block, 345, 155) : '';
  return {
    path: prefix ? `${prefix}/${name}` : name,
    type: TYPE_NAMES[flag] ?? `Unknown(${JSON.stringify(flag)})`,
    linkpath: cString(block, 157, 100),
    mode: numeric(block, 100, 8) & 0o7777,
    size: numeric(block, 124, 12),
    mtime: numeric(block, 136, 12),
  };
}

/** The key=value records of a pax extended header body (`<len> <key>=<value>\n` each). */
export function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < body.length && body[pos] !== 0) {
    const space = body.indexOf(0x20, pos);
    const len = Number(body.toString('latin1', pos, space));
    if (space < 0 || !Number.isInteger(len) || len <= 0 || pos + len > body.length) {
      throw new TarFormatError(`malformed pax header record at byte ${pos}`);
    }
    const record = body.toString('utf8', space + 1, pos + len - 1); // without the trailing \n
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

/** A NUL-terminated string field (GNU long names are NUL-terminated bodies, too). */
export function cString(buf: Buffer, offset: number, length: number): string {
  const end = buf.indexOf(0, offset);
  return buf.toString('utf8', offset, end < 0 || end > offset + length ? offset + length : end);
}

/** Octal (space/NUL padded) or GNU base-256 (high bit set) numeric field. */
function numeric(buf: Buffer, offset: number, length: number): number {
  if (buf[offset] & 0x80) {
    let value = buf[offset] & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + buf[offset + i];
    return value;
  }
  const text = buf
    .toString('latin1', offset, offset + length)
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(`invalid numeric header field ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

function verifyChecksum(block: Buffer): void {
  const stored = numeric(block, 148, 8);
  let sum = 8 * 0x20; // the checksum field itself counts as spaces
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i];
  if (sum !== stored) throw new TarFormatError('invalid tar header checksum (corrupt archive?)');
}
