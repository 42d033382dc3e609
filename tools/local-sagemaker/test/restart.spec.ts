import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JobStore } from '../src/state/job-store';
import { isAlive } from '../src/state/state-lock';
import { startHarness, trainingRequest, waitForLog, waitForTraining } from './support/harness';
import { startLocalSageMaker } from '../src';

describe('state dir across emulator restarts', () => {
  it('keeps finished jobs and their logs, and marks jobs whose runner died as Failed', async () => {
    const first = await startHarness();
    const out = pathToFileURL(join(first.tmp, 'out')).href;
    await first.sm.send(new CreateTrainingJobCommand(trainingRequest('kept-job', out, { mode: 'ok' })));
    const done = await waitForTraining(first.sm, 'kept-job');
    await first.sm.send(new CreateTrainingJobCommand(trainingRequest('orphan-job', out, { mode: 'sleep' })));
    await waitForLog(first.logs, 'TrainingJobs', 'orphan-job', 'sleeping');
    const record = new JobStore(first.stateDir).get('training', 'orphan-job')!;
    expect(record.status).toBe('InProgress');
    const pid = record.pids![0];
    expect(isAlive(pid)).toBe(true);

    // A crash leaves exactly this on disk: records InProgress under a runner that is gone. Copy the
    // state dir as it is now (minus the live emulator's lock) and start a new emulator on the copy.
    const crashedState = join(first.tmp, 'crashed-state');
    cpSync(first.stateDir, crashedState, { recursive: true });
    rmSync(join(crashedState, 'emulator.lock'));

    const second = await startHarness({ stateDir: crashedState });
    try {
      // The dead runner's child process was killed by the recovery.
      await waitUntilDead(pid);
      const orphan = await second.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'orphan-job' }));
      expect(orphan.TrainingJobStatus).toBe('Failed');
      expect(orphan.FailureReason).toMatch(/runner died/);
      const kept = await second.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'kept-job' }));
      expect(kept.TrainingJobStatus).toBe('Completed');
      expect(kept.ModelArtifacts).toEqual(done.ModelArtifacts);
      expect(kept.FinalMetricDataList).toEqual(done.FinalMetricDataList);
      const events = await second.logs.send(
        new GetLogEventsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamName: new JobStore(crashedState).get('training', 'kept-job')!.logStreams[0],
          startFromHead: true,
        }),
      );
      expect(events.events!.map((e) => e.message)).toContain('epoch=3 train_loss=0.333');
    } finally {
      await second.close();
      await first.close();
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

async function waitUntilDead(pid: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} still alive`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
