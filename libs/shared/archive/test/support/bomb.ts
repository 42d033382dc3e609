import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { rawHeader } from './raw-tar';

const MiB = 1024 ** 2;
const ZEROS = 64 * MiB;
let zerosMember: Buffer | undefined;

/**
 * The parts of a gzip bomb: one tar header declaring `bytes` of file data, then that many zeros, as
 * concatenated gzip members (gunzip reads them as one stream). One 64 MiB member of zeros compresses to
 * ~64 KiB and is reused, so a 10 GiB bomb costs 10 MB and a fraction of a second to produce.
 */
export function* bombParts(bytes: number, name = 'weights.bin'): Generator<Buffer> {
  zerosMember ??= gzipSync(Buffer.alloc(ZEROS), { level: 9 });
  yield gzipSync(rawHeader({ name, type: 'file', declaredSize: bytes }, 0));
  for (let left = bytes; left > 0; left -= ZEROS) yield zerosMember;
}

/** Writes the bomb to `file` as it is generated; returns its compressed size. */
export async function writeBomb(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let size = 0;
  for (const part of bombParts(bytes)) {
    size += part.length;
    if (!out.write(part)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return size;
}

export const GiB = 1024 ** 3;
