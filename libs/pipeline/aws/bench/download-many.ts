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
import { createS3Client } from '../src';
import type { S3Client } from '@aws-sdk/client-s3';
import { startLatencyProxy } from './latency-proxy';
import { machine, median, timed } from './bench-util';

const N = Number(process.env.OBJECTS ?? 2000);
const SIZE = Number(process.env.OBJECT_BYTES ?? 2048);
const REPS = Number(process.env.REPS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
/** Extra per-response latency scenarios (ms); 0 = plain loopback. */
const LATENCIES = (process.env.LATENCIES ?? '0,5,20').split(',').map(Number);

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
          await srv.s3.send(
            new PutObjectCommand({ Bucket: srv.bucket, Key: `many/d${i % 20}/obj-${i}.bin`, Body: body }),
          );
        },
      ),
    );
    console.log(
      `machine: ${machine()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `${N} objects x ${SIZE} B, seeded in ${(seed.ms / 1000).toFixed(1)} s; ${REPS} reps, medians (listing included)`,
    );
    for (const latency of LATENCIES) {
      let s3: S3Client = srv.s3;
      let proxy: { close(): Promise<void> } | undefined;
      if (latency > 0) {
        const port = Number(new URL(srv.cfg.endpoint as string).port);
        const p = await startLatencyProxy(port, latency);
        proxy = p;
        s3 = createS3Client({ ...srv.cfg, endpoint: `http://127.0.0.1:${p.port}` });
      }
      const seq: number[] = [];
      const par: number[] = [];
      for (let r = 0; r < REPS; r++) {
        const a = path.join(work, `seq-${r}`);
        seq.push(
          (
            await timed(async () => {
              for (const o of await listObjectsArray(s3, prefix)) {
                await downloadFile(
                  s3,
                  o.uri,
                  path.join(a, ...keyToRelativePath(o.key, 'many/', o.uri).split('/')),
                );
              }
            })
          ).ms,
        );
        const b = path.join(work, `par-${r}`);
        const got = await timed(() => downloadPrefix(s3, prefix, b, { concurrency: CONCURRENCY }));
        if (got.value.length !== N) throw new Error(`expected ${N} objects, got ${got.value.length}`);
        par.push(got.ms);
        await fs.rm(a, { recursive: true });
        await fs.rm(b, { recursive: true });
      }
      const sq = median(seq);
      const pr = median(par);
      const label = latency > 0 ? `+${latency} ms per response (proxy)` : 'loopback';
      console.log(
        `[${label}] sequential ${sq.toFixed(0)} ms (${((N / sq) * 1000).toFixed(0)} obj/s); ` +
          `downloadPrefix concurrency ${CONCURRENCY} ${pr.toFixed(0)} ms (${((N / pr) * 1000).toFixed(0)} obj/s); ` +
          `speed-up ${(sq / pr).toFixed(2)}x`,
      );
      if (proxy) {
        s3.destroy();
        await proxy.close();
      }
    }
  } finally {
    await srv.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
