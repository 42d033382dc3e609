// Trivial training job through the emulator (docker runtime) vs bare `docker run --rm IMAGE train` of the
// same image with the same /opt/ml. Runs alternate; reports medians. Target: ratio <= 1.2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { startLocalSageMaker } from '../src';
import {
  bareOptMl,
  buildFixtureImage,
  median,
  sagemakerClient,
  timed,
  trainingRequest,
  waitTerminal,
} from './support';

const IMAGE = 'lsm-fixture:bench';

/** Describe polling interval: fast enough to see the end promptly, slow enough not to steal CPU. */
const POLL_MS = 25;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const hps = { mode: 'ok', work_ms: process.argv[3] ?? '0' };
  buildFixtureImage(IMAGE);
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-docker-'));
  const emulator = await startLocalSageMaker({ stateDir: join(tmp, 'state'), runtime: 'docker' });
  const sm = sagemakerClient(emulator.endpoint);
  const bare: number[] = [];
  const viaEmulator: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const runBare = async () => {
        const dir = bareOptMl(join(tmp, `bare-${i}`), hps);
        bare.push(await timed('docker', ['run', '--rm', '-v', `${dir}:/opt/ml`, IMAGE, 'train']));
      };
      const runEmulator = async () => {
        const start = performance.now();
        const name = `bench-docker-${i}`;
        const req = trainingRequest(name, IMAGE, pathToFileURL(join(tmp, 'out')).href, hps);
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
    execFileSync('docker', ['rmi', '-f', IMAGE], { stdio: 'ignore' });
  }
  const b = median(bare);
  const e = median(viaEmulator);
  console.log(`docker runtime, ${runs} runs, job work ${hps.work_ms} ms`);
  console.log(`  bare docker run --rm IMAGE train: median ${b.toFixed(0)} ms`);
  console.log(
    `  via emulator (network + container + cleanup, ${POLL_MS} ms polling): median ${e.toFixed(0)} ms`,
  );
  console.log(`  ratio ${(e / b).toFixed(2)}× (target <= 1.2×), overhead ${(e - b).toFixed(0)} ms`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
