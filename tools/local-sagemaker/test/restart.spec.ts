import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTrainingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { identify, isSameProcess, processesWithToken } from '../src/proc/identity';
import { readDiscovery } from '../src/state/discovery';
import { JobStore } from '../src/state/job-store';
import { startLocalSageMaker } from '../src';
import { bundle, CLI_SOURCE } from './support/bundle';
import { FIXTURES, startHarness, trainingRequest, waitForTraining } from './support/harness';

/** An emulator in its own process (the CLI's `start`), so the test can kill -9 it. */
async function startEmulatorProcess(cli: string, stateDir: string) {
  const child = spawn(
    process.execPath,
    [
      cli,
      'start',
      '--state-dir',
      stateDir,
      '--runtime',
      'process',
      '--s3',
      'none',
      '--stop-grace',
      '2',
      '--image-map',
      join(FIXTURES, 'image-map.json'),
    ],
    { stdio: 'ignore', detached: true },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = readDiscovery(stateDir);
    if (found && found.pid === child.pid)
      return {
        child,
        // Signed with the key pair the stack wrote into its state dir.
        sm: new SageMakerClient({
          endpoint: found.endpoint,
          region: 'us-east-1',
          credentials: found.credentials,
        }),
      };
    if (Date.now() > deadline) throw new Error('emulator process did not publish its endpoints');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function killHard(child: ReturnType<typeof spawn>) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('emulator killed with SIGKILL during a job (process runtime)', () => {
  let cli: string;
  beforeAll(() => {
    cli = bundle(CLI_SOURCE);
  });

  it('re-adopts the still-running job on restart and completes it, logs and metrics intact', async () => {
    const h = await startHarness(); // only for its temp dir and S3-less output path
    await h.close();
    const stateDir = join(h.tmp, 'state');
    const out = h.out;
    const first = await startEmulatorProcess(cli, stateDir);
    const sm = first.sm;
    await sm.send(
      new CreateTrainingJobCommand(trainingRequest('adopted', out, { mode: 'ok', work_ms: '3000' })),
    );
    const deadline = Date.now() + 20_000;
    while (!JSON.stringify(new JobStore(stateDir).get('training', 'adopted')?.run ?? {}).includes('pid')) {
      if (Date.now() > deadline) throw new Error('job never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500)); // 'working' is logged and flushed
    await killHard(first.child);
    sm.destroy();
    const token = new JobStore(stateDir).get('training', 'adopted')!.run!.token;
    expect(processesWithToken(token).length).toBeGreaterThan(0); // the job outlived its emulator

    const second = await startHarness({ stateDir, s3: undefined });
    try {
      const done = await waitForTraining(second.sm, 'adopted');
      expect(done.TrainingJobStatus).toBe('Completed');
      expect(done.FinalMetricDataList!.map((m) => [m.MetricName, m.Value])).toEqual(
        expect.arrayContaining([
          ['train:loss', 0.333],
          ['validation:accuracy', 0.93],
        ]),
      );
      const events = await second.logs.send(
        new GetLogEventsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamName:
            done.TrainingJobName && new JobStore(stateDir).get('training', 'adopted')!.logStreams[0],
          startFromHead: true,
        }),
      );
      const messages = events.events!.map((e) => e.message);
      expect(messages.filter((m) => m === 'working')).toHaveLength(1); // not duplicated by the replay
      expect(messages).toContain('epoch=3 train_loss=0.333');
      expect(processesWithToken(token)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('fails a job it cannot follow, with the reason, ends its processes and signals no reused pid', async () => {
    const h = await startHarness();
    await h.close();
    const stateDir = join(h.tmp, 'state');
    const out = h.out;
    const first = await startEmulatorProcess(cli, stateDir);
    const sm = first.sm;
    await sm.send(new CreateTrainingJobCommand(trainingRequest('lost', out, { mode: 'escape' })));
    const deadline = Date.now() + 20_000;
    while (!JSON.stringify(new JobStore(stateDir).get('training', 'lost')?.run ?? {}).includes('pid')) {
      if (Date.now() > deadline) throw new Error('job never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    await killHard(first.child);
    sm.destroy();
    const recordFile = join(stateDir, 'jobs', 'training', 'lost.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    const jobProcesses = processesWithToken(record.run.token);
    expect(jobProcesses.length).toBeGreaterThanOrEqual(2); // the job and its setsid child
    // The supervisor dies without writing an exit status, and its pid now names an unrelated process.
    process.kill(record.run.hosts[0].pid, 'SIGKILL');
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    const bystanderId = identify(bystander.pid!)!;
    record.run.hosts[0].pid = bystander.pid;
    writeFileSync(recordFile, JSON.stringify(record));

    const second = await startHarness({ stateDir, s3: undefined });
    try {
      const d = await waitForTraining(second.sm, 'lost');
      expect(d.TrainingJobStatus).toBe('Failed');
      expect(d.FailureReason).toMatch(/could not find the job's processes.*runner died/);
      for (const id of jobProcesses) await waitUntilGone(id);
      expect(isSameProcess(bystanderId)).toBe(true); // a pid alone is never reason to signal
    } finally {
      bystander.kill('SIGKILL');
      await second.close();
    }
  });

  it('refuses a second emulator on a state dir in use', async () => {
    const h = await startHarness();
    try {
      await expect(startLocalSageMaker({ stateDir: h.stateDir, runtime: 'process' })).rejects.toThrow(
        /is in use by another local-sagemaker/,
      );
    } finally {
      await h.close();
    }
  });
});

async function waitUntilGone(id: { pid: number; startTime: string }): Promise<void> {
  const deadline = Date.now() + 5000;
  while (isSameProcess(id)) {
    if (Date.now() > deadline) throw new Error(`process ${id.pid} still alive`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
