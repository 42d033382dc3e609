/**
 * Peak RSS of this (client) process while uploading and then downloading a 1 GiB file through a
 * real s3rver (which runs in its own process, so its memory is not counted).
 * Run from the repo root: `npx nx run aws:bench --name=rss`.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { randomBytes, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { downloadFile, uploadFile } from '../src';
import { startS3Server } from '../test/support/s3-server';
import { MB, machine, peakRss, timed } from './bench-util';

const SIZE_MB = Number(process.env.SIZE_MB ?? 1024);

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * MB })) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-rss-'));
  const srv = await startS3Server('bench-bucket');
  try {
    const src = path.join(work, 'big.bin');
    const block = randomBytes(MB);
    const ws = createWriteStream(src);
    for (let i = 0; i < SIZE_MB; i++) {
      // Vary each MiB so no layer can dedupe; still cheap to generate.
      block.writeUInt32LE(i, 0);
      if (!ws.write(Buffer.from(block))) await once(ws, 'drain');
    }
    ws.end();
    await once(ws, 'finish');
    const uri = `s3://${srv.bucket}/big/big.bin`;
    const baseline = process.memoryUsage.rss();
    const up = await peakRss(() => timed(() => uploadFile(srv.s3, src, uri)));
    const dst = path.join(work, 'down.bin');
    const down = await peakRss(() => timed(() => downloadFile(srv.s3, uri, dst)));
    const same = (await sha256(src)) === (await sha256(dst));
    if (!same) throw new Error('downloaded file differs from the upload');
    const f = (b: number) => `${(b / MB).toFixed(0)} MiB`;
    const rate = (ms: number) => `${(SIZE_MB / (ms / 1000)).toFixed(0)} MiB/s`;
    console.log(
      `machine: ${machine()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`file ${SIZE_MB} MiB; baseline RSS ${f(baseline)}; defaults (8 MiB parts x 4 in flight)`);
    console.log(
      `upload   peak RSS ${f(up.peak)} in ${(up.value.ms / 1000).toFixed(1)} s (${rate(up.value.ms)})`,
    );
    console.log(
      `download peak RSS ${f(down.peak)} in ${(down.value.ms / 1000).toFixed(1)} s (${rate(down.value.ms)}), sha256 match ${same}`,
    );
  } finally {
    await srv.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
