/**
 * Minimal tar(.gz) reader for model.tar.gz (what SageMaker makes of the model dir). The image ships
 * no npm `tar`, and we only need to read regular files: ustar names with prefix, PAX `path`, GNU long
 * names; everything else (dirs, links) is skipped. Checksums are verified so corruption is reported.
 */
import { gunzipSync } from 'node:zlib';
import { DataError } from './errors';

export interface TarEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function str(buf: Buffer, start: number, len: number): string {
  const raw = buf.subarray(start, start + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

function octal(buf: Buffer, start: number, len: number, file: string, what: string): number {
  const s = str(buf, start, len).trim();
  if (!/^[0-7]*$/.test(s))
    throw new DataError(file, `corrupt tar header: ${what} ${JSON.stringify(s)} is not octal`);
  return s === '' ? 0 : parseInt(s, 8);
}

function checksumOk(header: Buffer, expected: number): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return sum === expected;
}

function paxPath(data: Buffer): string | undefined {
  // Records: "<len> key=value\n".
  let pos = 0;
  let found: string | undefined;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = parseInt(data.subarray(pos, space).toString('utf8'), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') found = record.slice(eq + 1);
    pos += len;
  }
  return found;
}

/** Regular-file entries of a tar or gzipped tar. `file` names the archive in errors. */
export function readTar(archive: Buffer, file: string): TarEntry[] {
  let buf = archive;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      throw new DataError(file, `not a valid gzip file (${(e as Error).message})`);
    }
  }
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  while (pos + BLOCK <= buf.length) {
    const header = buf.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    const expected = octal(header, 148, 8, file, 'checksum');
    if (!checksumOk(header, expected))
      throw new DataError(file, `corrupt tar header at byte ${pos} (bad checksum)`);
    const size = octal(header, 124, 12, file, 'size');
    const type = String.fromCharCode(header[156] || 0x30);
    const dataStart = pos + BLOCK;
    if (dataStart + size > buf.length)
      throw new DataError(file, `truncated tar archive (entry at byte ${pos})`);
    const data = buf.subarray(dataStart, dataStart + size);
    const prefix = str(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${str(header, 0, 100)}` : str(header, 0, 100));
    if (type === 'x') longName = paxPath(data);
    else if (type === 'L') longName = data.toString('utf8').replace(/\0+$/, '');
    else {
      if (type === '0' || type === '7')
        entries.push({ name: name.replace(/^\.\//, ''), data: Buffer.from(data) });
      longName = undefined;
    }
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
