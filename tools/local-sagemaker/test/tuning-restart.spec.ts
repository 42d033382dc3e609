import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeHyperParameterTuningJobCommand } from '@aws-sdk/client-sagemaker';
import { TuningStore } from '../src/tuning/tuning-store';
import { startHarness } from './support/harness';
import { sleepingTuning } from './support/tuning';

describe('tuning jobs across emulator restarts', () => {
  it('marks a tuning job whose runner died as Failed, with its trials', async () => {
    const first = await startHarness();
    try {
      await sleepingTuning(first, 'tune-orphan');
      const crashedState = join(first.tmp, 'crashed-state');
      cpSync(first.stateDir, crashedState, { recursive: true });
      rmSync(join(crashedState, 'emulator.lock'));
      expect(new TuningStore(crashedState).get('tune-orphan')!.status).toBe('InProgress');

      const second = await startHarness({ stateDir: crashedState });
      try {
        const d = await second.sm.send(
          new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'tune-orphan' }),
        );
        expect(d.HyperParameterTuningJobStatus).toBe('Failed');
        expect(d.FailureReason).toMatch(/runner died/);
        expect(d.TrainingJobStatusCounters).toMatchObject({ NonRetryableError: 2, InProgress: 0 });
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });

  it('ends a running tuning job Stopped, with no more trials, when the emulator closes', async () => {
    const h = await startHarness();
    const stateDir = join(h.tmp, 'state-copy');
    try {
      await sleepingTuning(h, 'tune-closed');
    } finally {
      // close() removes the temp folder: keep the state to look at.
      await h.emulator.close();
      cpSync(h.stateDir, stateDir, { recursive: true });
    }
    const record = new TuningStore(stateDir).get('tune-closed')!;
    expect(record.status).toBe('Stopped');
    expect(record.trials).toHaveLength(2);
    await h.close();
  });
});
