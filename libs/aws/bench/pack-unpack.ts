/**
 * packDirectory / unpackArchive throughput vs GNU `tar -czf` / `tar -xzf` (gzip level 6) on the same
 * tree. Run from the repo root: `npx nx run aws:bench --name=pack-unpack` (see README).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { packDirectory, unpackArchive } from '../src';
import { MB, dirBytes, machine, median, timed } from './bench-util';

const REPS = Number(process.env.REPS ?? 5);

/** A model-like tree: float weights (poorly compressible), JSON/CSV text, many small files. */
async function buildTree(root: string): Promise<void> {
  await fs.mkdir(path.join(root, 'weights'), { recursive: true });
  for (let i = 0; i < 2; i++) {
    const floats = new Float32Array((16 * MB) / 4);
    for (let j = 0; j < floats.length; j++) floats[j] = Math.round(Math.sin(j * 0.001 + i) * 1e4) / 1e4;
    await fs.writeFile(path.join(root, 'weights', `layer-${i}.bin`), Buffer.from(floats.buffer));
  }
  await fs.writeFile(path.join(root, 'weights', 'noise.bin'), randomBytes(8 * MB));
  const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${(i * 0.37).toFixed(4)},${i % 3},label-${i % 7}`);
  await fs.writeFile(path.join(root, 'metrics.csv'), rows.join('\n'));
  for (let d = 0; d < 20; d++) {
    await fs.mkdir(path.join(root, 'assets', `d${d}`), { recursive: true });
    for (let f = 0; f < 50; f++) {
      await fs.writeFile(path.join(root, 'assets', `d${d}`, `f${f}.json`), JSON.stringify({ d, f, v: 'x'.repeat(f * 40) }));
    }
  }
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-pack-'));
  try {
    const src = path.join(work, 'model');
    await buildTree(src);
    const bytes = await dirBytes(src);
    const ours = { pack: [] as number[], unpack: [] as number[] };
    const gnu = { pack: [] as number[], unpack: [] as number[] };
    let sizes = { ours: 0, gnu: 0 };
    for (let r = 0; r < REPS; r++) {
      const a = path.join(work, `ours-${r}.tar.gz`);
      const b = path.join(work, `gnu-${r}.tar.gz`);
      ours.pack.push((await timed(() => packDirectory(src, a))).ms);
      gnu.pack.push(
        (await timed(async () => void execFileSync('tar', ['-I', 'gzip -6', '-cf', b, '-C', src, '.']))).ms,
      );
      sizes = { ours: (await fs.stat(a)).size, gnu: (await fs.stat(b)).size };
      // Each side unpacks the same (GNU-made) archive.
      const outA = path.join(work, `out-ours-${r}`);
      const outB = path.join(work, `out-gnu-${r}`);
      await fs.mkdir(outB);
      ours.unpack.push((await timed(() => unpackArchive(b, outA))).ms);
      gnu.unpack.push((await timed(async () => void execFileSync('tar', ['-xzf', b, '-C', outB]))).ms);
      await fs.rm(outA, { recursive: true });
      await fs.rm(outB, { recursive: true });
    }
    const mbps = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
    const p = { ours: median(ours.pack), gnu: median(gnu.pack) };
    const u = { ours: median(ours.unpack), gnu: median(gnu.unpack) };
    console.log(`machine: ${machine()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`tree: ${(bytes / MB).toFixed(1)} MiB, ${REPS} reps, medians`);
    console.log(`pack   ours ${p.ours.toFixed(0)} ms (${mbps(p.ours)} MiB/s, ${(sizes.ours / MB).toFixed(1)} MiB)  tar -czf ${p.gnu.toFixed(0)} ms (${mbps(p.gnu)} MiB/s, ${(sizes.gnu / MB).toFixed(1)} MiB)  speed ratio ${(p.gnu / p.ours).toFixed(2)}x`);
    console.log(`unpack ours ${u.ours.toFixed(0)} ms (${mbps(u.ours)} MiB/s)  tar -xzf ${u.gnu.toFixed(0)} ms (${mbps(u.gnu)} MiB/s)  speed ratio ${(u.gnu / u.ours).toFixed(2)}x`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
