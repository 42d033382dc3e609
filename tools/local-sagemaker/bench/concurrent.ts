// 20 concurrent training jobs on the process runtime: every job must reach its expected terminal state
// (15 succeed, 5 fail on purpose). Reports wall time and peak RSS (emulator process, and emulator plus
// its job processes, sampled from /proc every 20 ms).
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { startLocalSageMaker } from '../src';
import { FIXTURES, sagemakerClient, trainingRequest, waitTerminal } from './support';

/** RSS in bytes of `pid` and all its descendants, from /proc. */
function treeRss(root: number): { self: number; tree: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // process exited while reading
    }
  }
  let tree = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { self: rss.get(root) ?? 0, tree };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20);
  const workMs = process.argv[3] ?? '500';
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-conc-'));
  const emulator = await startLocalSageMaker({
    stateDir: join(tmp, 'state'),
    runtime: 'process',
    imageMap: { 'fixture-job': { trainCommand: ['node', 'job.js', 'train'], workdir: FIXTURES } },
  });
  const sm = sagemakerClient(emulator);
  let peak = { self: 0, tree: 0 };
  const sampler = setInterval(() => {
    const now = treeRss(process.pid);
    peak = { self: Math.max(peak.self, now.self), tree: Math.max(peak.tree, now.tree) };
  }, 20);
  const expected = Array.from({ length: count }, (_, i) => (i % 4 === 3 ? 'Failed' : 'Completed'));
  try {
    const start = performance.now();
    const results = await Promise.all(
      expected.map(async (want, i) => {
        const name = `conc-${i}`;
        const hps = { mode: want === 'Failed' ? 'fail' : 'ok', work_ms: workMs };
        await sm.send(
          new CreateTrainingJobCommand(
            trainingRequest(name, 'fixture-job', pathToFileURL(join(tmp, 'out')).href, hps),
          ),
        );
        return waitTerminal(sm, name, 50);
      }),
    );
    const wall = performance.now() - start;
    const wrong = results.filter((r, i) => r !== expected[i]).length;
    console.log(`${count} concurrent process-runtime jobs (job work ${workMs} ms each)`);
    console.log(
      `  terminal states: ${results.filter((r) => r === 'Completed').length} Completed, ${results.filter((r) => r === 'Failed').length} Failed; ${wrong} not as expected`,
    );
    console.log(`  wall time ${(wall / 1000).toFixed(2)} s`);
    console.log(
      `  peak RSS: emulator ${(peak.self / 2 ** 20).toFixed(0)} MiB, emulator + jobs ${(peak.tree / 2 ** 20).toFixed(0)} MiB`,
    );
    if (wrong > 0) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    sm.destroy();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
