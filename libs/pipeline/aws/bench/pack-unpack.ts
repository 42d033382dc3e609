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
  const rows = Array.from(
    { length: 200_000 },
    (_, i) => `${i},${(i * 0.37).toFixed(4)},${i % 3},label-${i % 7}`,
  );
  await fs.writeFile(path.join(root, 'metrics.csv'), rows.join('\n'));
  for (let d = 0; d < 20; d++) {
    await fs.mkdir(path.join(root, 'assets', `d${d}`), { recursive: true });
    for (let f = 0; f < 50; f++) {
      await fs.writeFile(
        path.join(root, 'assets', `d${d}`, `f${f}.json`),
        JSON.stringify({ d, f, v: 'x'.repeat(f * 40) }),
      );
    }
  }
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-pack-'));
  try {
    const src = path.join(work, 'model');
    await buildTree(src);
    const bytes = await dirBytes(src);
    // Wall time and CPU time (user+sys, all threads / child processes). The machine is shared, so
    // CPU time is the steadier measure of work; wall time is what a pipeline waits for.
    const runs: Record<
      'oursPack' | 'gnuPack' | 'oursUnpack' | 'gnuUnpack',
      { wall: number[]; cpu: number[] }
    > = {
      oursPack: { wall: [], cpu: [] },
      gnuPack: { wall: [], cpu: [] },
      oursUnpack: { wall: [], cpu: [] },
      gnuUnpack: { wall: [], cpu: [] },
    };
    const ours = async (name: keyof typeof runs, fn: () => Promise<unknown>) => {
      const c0 = process.cpuUsage();
      const { ms } = await timed(fn);
      const c = process.cpuUsage(c0);
      runs[name].wall.push(ms);
      runs[name].cpu.push((c.user + c.system) / 1000);
    };
    const gnu = async (name: keyof typeof runs, cmd: string) => {
      // bash's `times` prints the children's user and sys time on its second line.
      const { ms, value } = await timed(async () =>
        execFileSync('bash', ['-c', `${cmd} && times`], { encoding: 'utf8' }),
      );
      const secs = [
        ...value
          .trim()
          .split('\n')[1]
          .matchAll(/(\d+)m([\d.]+)s/g),
      ].map((m) => Number(m[1]) * 60 + Number(m[2]));
      runs[name].wall.push(ms);
      runs[name].cpu.push((secs[0] + secs[1]) * 1000);
    };
    let sizes = { ours: 0, gnu: 0 };
    for (let r = 0; r < REPS; r++) {
      const a = path.join(work, `ours-${r}.tar.gz`);
      const b = path.join(work, `gnu-${r}.tar.gz`);
      const outA = path.join(work, `out-ours-${r}`);
      const outB = path.join(work, `out-gnu-${r}`);
      await fs.mkdir(outB);
      // Alternate who goes first so load drift does not favour one side.
      const packs = [
        () => ours('oursPack', () => packDirectory(src, a)),
        () => gnu('gnuPack', `tar -I 'gzip -6' -cf '${b}' -C '${src}' .`),
      ];
      const unpacks = [
        () => ours('oursUnpack', () => unpackArchive(b, outA)), // both unpack the GNU-made archive
        () => gnu('gnuUnpack', `tar -xzf '${b}' -C '${outB}'`),
      ];
      if (r % 2 === 1) {
        packs.reverse();
        unpacks.reverse();
      }
      for (const f of packs) await f();
      for (const f of unpacks) await f();
      sizes = { ours: (await fs.stat(a)).size, gnu: (await fs.stat(b)).size };
      await fs.rm(outA, { recursive: true });
      await fs.rm(outB, { recursive: true });
      await fs.rm(a);
      await fs.rm(b);
    }
    const mbps = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
    const m = (k: keyof typeof runs) => ({ wall: median(runs[k].wall), cpu: median(runs[k].cpu) });
    const line = (
      what: string,
      o: { wall: number; cpu: number },
      g: { wall: number; cpu: number },
      gnuName: string,
    ) =>
      `${what} ours ${o.wall.toFixed(0)} ms wall (${mbps(o.wall)} MiB/s), ${o.cpu.toFixed(0)} ms CPU | ` +
      `${gnuName} ${g.wall.toFixed(0)} ms wall (${mbps(g.wall)} MiB/s), ${g.cpu.toFixed(0)} ms CPU | ` +
      `throughput ratio wall ${(g.wall / o.wall).toFixed(2)}x, CPU ${(g.cpu / o.cpu).toFixed(2)}x`;
    console.log(
      `machine: ${machine()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `tree: ${(bytes / MB).toFixed(1)} MiB, ${REPS} reps, medians; archives ours ${(sizes.ours / MB).toFixed(1)} MiB, tar ${(sizes.gnu / MB).toFixed(1)} MiB`,
    );
    console.log(line('pack  ', m('oursPack'), m('gnuPack'), 'tar -czf (gzip -6)'));
    console.log(line('unpack', m('oursUnpack'), m('gnuUnpack'), 'tar -xzf'));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
