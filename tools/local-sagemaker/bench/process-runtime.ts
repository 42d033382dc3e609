// Trivial training job through the emulator (process runtime) vs bare `node job.js train`: the fixed overhead.
// Runs alternate, so machine load hits both alike; reports medians. Target: ratio <= 1.2.
// Usage: node tools/local-sagemaker/scripts/bench.mjs process-runtime [runs=15] [work_ms=0]  (POLL_MS env)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalSageMaker } from '../src';
import {
  alternate,
  bareOptMl,
  FIXTURES,
  report,
  sagemakerClient,
  timed,
  timedTrainingJob,
  trainingRequest,
} from './support';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  const hps = { mode: 'ok', work_ms: process.argv[3] ?? '0' };
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-proc-'));
  const emulator = await startLocalSageMaker({
    stateDir: join(tmp, 'state'),
    runtime: 'process',
    imageMap: { 'fixture-job': { trainCommand: ['node', 'job.js', 'train'], workdir: FIXTURES } },
  });
  const sm = sagemakerClient(emulator);
  try {
    const times = await alternate(
      runs,
      (i) => {
        const dir = bareOptMl(join(tmp, `bare-${i}`), hps);
        // The env a job child gets (no NODE_EXTRA_CA_CERTS etc., which alone cost ~0.4 s of Node startup here).
        const env = { PATH: process.env.PATH, HOME: process.env.HOME, SAGEMAKER_BASE_DIR: dir };
        return timed(process.execPath, [join(FIXTURES, 'job.js'), 'train'], env);
      },
      (i) =>
        timedTrainingJob(
          sm,
          trainingRequest(`bench-${i}`, 'fixture-job', pathToFileURL(join(tmp, 'out')).href, hps),
        ),
    );
    report(`process runtime, ${runs} runs, job work ${hps.work_ms} ms`, 'bare node job.js train', times);
  } finally {
    sm.destroy();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
