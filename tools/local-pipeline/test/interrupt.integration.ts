import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jobNameFor } from '@mlops/pipeline-core';
import { CONFIG_DIR, makeTestEnv, portIsOpen, startMainUntilTraining, TestEnv } from './support/workspace';

/** Every process whose command line mentions `needle` (batches carry the run id, jobs the state dir). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(needle) && !l.includes('ps -eo'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The emulator's record of a training job (its state file), with the pids of the job's processes. */
function jobRecord(stateDir: string, name: string): { status: string; pids?: number[] } | undefined {
  const file = join(stateDir, 'local-sagemaker', 'jobs', 'training', `${name}.json`);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { status: string; pids?: number[] })
    : undefined;
}

describe('main job: Ctrl-C', () => {
  let t: TestEnv;
  afterAll(() => t && rmSync(t.tmp, { recursive: true, force: true }));

  it('interrupts the running batch, stops the stack and its jobs, exits 130 and leaves nothing running', async () => {
    t = await makeTestEnv('lp-int-', { MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400' });
    const runId = `int-${Date.now().toString(36)}`;
    // Interrupt once the training job runs.
    const main = await startMainUntilTraining(
      ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'process', '--run-id', runId],
      t.env,
    );
    expect(processesMentioning(runId).length).toBeGreaterThan(0);
    const jobName = jobNameFor(runId, 'iris', 'training');
    let jobPids: number[] = [];
    for (let i = 0; i < 400 && jobPids.length === 0; i++) {
      jobPids = jobRecord(t.stateDir, jobName)?.pids ?? [];
      if (jobPids.length === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(jobPids.length).toBeGreaterThan(0);
    expect(jobPids.every(alive)).toBe(true);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(130);
    expect(main.stderr()).toContain('SIGINT: interrupting the running batch and stopping the local stack');
    expect(main.stdout()).toMatch(/Interrupted after .*: stopping the local stack\./);
    expect(main.stdout()).not.toContain('Report:');
    expect(processesMentioning(runId)).toEqual([]);
    expect(jobPids.filter(alive)).toEqual([]);
    expect(jobRecord(t.stateDir, jobName)?.status).toBe('Stopped');
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });
});
