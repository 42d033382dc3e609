// Trivial training job through the emulator (process runtime) vs bare `node job.js train`.
// Runs alternate, so machine load hits both alike; reports medians. Target: ratio <= 1.2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { startLocalSageMaker } from '../src';
import {
  bareOptMl,
  FIXTURES,
  median,
  sagemakerClient,
  timed,
  trainingRequest,
  waitTerminal,
} from './support';

/** Describe polling interval: fast enough to see the end promptly, slow enough not to steal CPU. */
const POLL_MS = Number(process.env.POLL_MS ?? 25);

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  const hps = { mode: 'ok', work_ms: process.argv[3] ?? '0' };
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-proc-'));
  const emulator = await startLocalSageMaker({
    stateDir: join(tmp, 'state'),
    runtime: 'process',
    imageMap: { 'fixture-job': { trainCommand: ['node', 'job.js', 'train'], workdir: FIXTURES } },
  });
  const sm = sagemakerClient(emulator.endpoint);
  const bare: number[] = [];
  const viaEmulator: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const runBare = async () => {
        const dir = bareOptMl(join(tmp, `bare-${i}`), hps);
        // The env a job child gets (no NODE_EXTRA_CA_CERTS etc., which alone cost ~0.4 s of Node startup here).
        const env = { PATH: process.env.PATH, HOME: process.env.HOME, SAGEMAKER_BASE_DIR: dir };
        bare.push(await timed(process.execPath, [join(FIXTURES, 'job.js'), 'train'], env));
      };
      const runEmulator = async () => {
        const start = performance.now();
        const name = `bench-${i}`;
        const req = trainingRequest(name, 'fixture-job', pathToFileURL(join(tmp, 'out')).href, hps);
        await sm.send(new CreateTrainingJobCommand(req));
        const status = await waitTerminal(sm, name, POLL_MS);
        viaEmulator.push(performance.now() - start);
        if (status !== 'Completed') throw new Error(`${name} ended ${status}`);
      };
      // Alternate which goes first, so neither always runs right after the other's cleanup.
      for (const run of i % 2 ? [runEmulator, runBare] : [runBare, runEmulator]) await run();
    }
  } finally {
    sm.destroy();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const b = median(bare);
  const e = median(viaEmulator);
  console.log(`process runtime, ${runs} runs, job work ${hps.work_ms} ms`);
  console.log(`  bare node job.js train: median ${b.toFixed(0)} ms`);
  console.log(
    `  via emulator (Create → Completed seen by Describe, ${POLL_MS} ms polling): median ${e.toFixed(0)} ms`,
  );
  console.log(`  ratio ${(e / b).toFixed(2)}× (target <= 1.2×), overhead ${(e - b).toFixed(0)} ms`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
