import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jobNameFor } from '@mlops/pipeline-core';
import { CONFIG_DIR, MAIN, makeTestEnv, portIsOpen, REPO_ROOT, TestEnv } from './support/workspace';

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
    const child = spawn(
      process.execPath,
      [MAIN, '--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'process', '--run-id', runId],
      { cwd: REPO_ROOT, env: t.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((res) => child.on('close', res));
    // Interrupt once the training job runs (the batch streams its status lines).
    await new Promise<void>((res, rej) => {
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c;
        if (/iris\/training │ .*InProgress/.test(stdout)) res();
      });
      void exited.then(() => rej(new Error(`main job ended before training ran:\n${stdout}\n${stderr}`)));
    });
    expect(processesMentioning(runId).length).toBeGreaterThan(0);
    const jobName = jobNameFor(runId, 'iris', 'training');
    let jobPids: number[] = [];
    for (let i = 0; i < 400 && jobPids.length === 0; i++) {
      jobPids = jobRecord(t.stateDir, jobName)?.pids ?? [];
      if (jobPids.length === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(jobPids.length).toBeGreaterThan(0);
    expect(jobPids.every(alive)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: interrupting the running batch and stopping the local stack');
    expect(stdout).toMatch(/Interrupted after .*: stopping the local stack\./);
    expect(stdout).not.toContain('Report:');
    expect(processesMentioning(runId)).toEqual([]);
    expect(jobPids.filter(alive)).toEqual([]);
    expect(jobRecord(t.stateDir, jobName)?.status).toBe('Stopped');
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });
});
