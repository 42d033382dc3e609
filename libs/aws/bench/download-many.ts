/**
 * downloadPrefix (bounded parallel) vs a sequential one-at-a-time downloader, 2,000 small objects
 * on a real s3rver. Run from the repo root: `npx nx run aws:bench --name=download-many`.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { downloadFile, downloadPrefix, keyToRelativePath, listObjectsArray } from '../src';
import { forEachConcurrent } from '../src/util/concurrency';
import { startS3Server } from '../test/support/s3-server';
import { machine, median, timed } from './bench-util';

const N = Number(process.env.OBJECTS ?? 2000);
const SIZE = Number(process.env.OBJECT_BYTES ?? 2048);
const REPS = Number(process.env.REPS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const srv = await startS3Server('bench-bucket');
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-dl-'));
  try {
    const prefix = `s3://${srv.bucket}/many/`;
    const body = Buffer.alloc(SIZE, 'x');
    const seed = await timed(() =>
      forEachConcurrent(
        Array.from({ length: N }, (_, i) => i),
        32,
        async (i) => {
          await srv.s3.send(new PutObjectCommand({ Bucket: srv.bucket, Key: `many/d${i % 20}/obj-${i}.bin`, Body: body }));
        },
      ),
    );
    const seq: number[] = [];
    const par: number[] = [];
    for (let r = 0; r < REPS; r++) {
      const a = path.join(work, `seq-${r}`);
      seq.push(
        (
          await timed(async () => {
            for (const o of await listObjectsArray(srv.s3, prefix)) {
              await downloadFile(srv.s3, o.uri, path.join(a, ...keyToRelativePath(o.key, 'many/', o.uri).split('/')));
            }
          })
        ).ms,
      );
      const b = path.join(work, `par-${r}`);
      const got = await timed(() => downloadPrefix(srv.s3, prefix, b, { concurrency: CONCURRENCY }));
      if (got.value.length !== N) throw new Error(`expected ${N} objects, got ${got.value.length}`);
      par.push(got.ms);
      await fs.rm(a, { recursive: true });
      await fs.rm(b, { recursive: true });
    }
    const s = median(seq);
    const p = median(par);
    console.log(`machine: ${machine()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`${N} objects x ${SIZE} B, seeded in ${(seed.ms / 1000).toFixed(1)} s; ${REPS} reps, medians (listing included)`);
    console.log(`sequential ${s.toFixed(0)} ms (${((N / s) * 1000).toFixed(0)} obj/s)`);
    console.log(`downloadPrefix concurrency ${CONCURRENCY}: ${p.toFixed(0)} ms (${((N / p) * 1000).toFixed(0)} obj/s)`);
    console.log(`speed-up ${(s / p).toFixed(2)}x`);
  } finally {
    await srv.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
