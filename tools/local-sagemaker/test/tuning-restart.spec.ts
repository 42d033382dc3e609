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
        const describe = () =>
          second.sm.send(
            new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'tune-orphan' }),
          );
        let d = await describe();
        expect(d.HyperParameterTuningJobStatus).toBe('Failed');
        expect(d.FailureReason).toMatch(/runner died/);
        // Its trials were re-adopted by the restart, then stopped: nothing carries on their search.
        while (d.TrainingJobStatusCounters?.InProgress) {
          await new Promise((r) => setTimeout(r, 50));
          d = await describe();
        }
        const c = d.TrainingJobStatusCounters!;
        expect(c.InProgress).toBe(0);
        expect((c.Stopped ?? 0) + (c.NonRetryableError ?? 0) + (c.Completed ?? 0)).toBe(2);
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
