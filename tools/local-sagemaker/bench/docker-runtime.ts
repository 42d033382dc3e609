// Trivial training job through the emulator (docker runtime) vs bare `docker run --rm IMAGE train` of the
// same image with the same /opt/ml. Runs alternate; reports medians. Target: ratio <= 1.2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalSageMaker } from '../src';
import {
  alternate,
  bareOptMl,
  buildFixtureImage,
  report,
  sagemakerClient,
  timed,
  timedTrainingJob,
  trainingRequest,
} from './support';

const IMAGE = 'lsm-fixture:bench';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const hps = { mode: 'ok', work_ms: process.argv[3] ?? '0' };
  buildFixtureImage(IMAGE);
  const tmp = mkdtempSync(join(tmpdir(), 'lsm-bench-docker-'));
  const emulator = await startLocalSageMaker({ stateDir: join(tmp, 'state'), runtime: 'docker' });
  const sm = sagemakerClient(emulator);
  try {
    const times = await alternate(
      runs,
      (i) => {
        const dir = bareOptMl(join(tmp, `bare-${i}`), hps);
        return timed('docker', ['run', '--rm', '-v', `${dir}:/opt/ml`, IMAGE, 'train']);
      },
      (i) =>
        timedTrainingJob(
          sm,
          trainingRequest(`bench-docker-${i}`, IMAGE, pathToFileURL(join(tmp, 'out')).href, hps),
        ),
    );
    report(
      `docker runtime (network + container + cleanup), ${runs} runs, job work ${hps.work_ms} ms`,
      'bare docker run --rm IMAGE train',
      times,
    );
  } finally {
    sm.destroy();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
    execFileSync('docker', ['rmi', '-f', IMAGE], { stdio: 'ignore' });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
