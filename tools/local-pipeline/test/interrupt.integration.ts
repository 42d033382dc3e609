import { jobNameFor } from '@mlops/pipeline-core';
import { RerunScenario } from './support/rerun-scenario';
import {
  CONFIG_DIR,
  makeTestEnv,
  startMainUntilTraining,
  disposeTestEnv,
  TestEnv,
} from './support/workspace';

/**
 * The main job ends mid-training (SIGKILL of its whole process group, or Ctrl-C), then the same command
 * runs again with the same run id: the training job kept running on the local stack (a daemon), the rerun
 * re-attaches to it, there is exactly one training job and the run completes.
 */
describe('main job ended mid-training, then rerun (process runtime)', () => {
  let t: TestEnv;
  afterEach(() => disposeTestEnv(t));

  async function startUntilTraining(prefix: string) {
    t = await makeTestEnv(`lp-${prefix}-`, {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
    });
    const runId = `${prefix}-${Date.now().toString(36)}`;
    const main = await startMainUntilTraining(
      ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'process', '--run-id', runId],
      t.env,
      { ownGroup: true },
    );
    return {
      main,
      runId,
      jobName: jobNameFor(runId, 'iris', 'training'),
      scenario: new RerunScenario(t, 'process'),
    };
  }

  it('SIGKILL of the whole process group leaves the job running; the rerun re-attaches and exits 0', async () => {
    const { main, runId, jobName, scenario } = await startUntilTraining('kill');
    process.kill(-main.child.pid!, 'SIGKILL');
    await main.exited;
    expect(['InProgress', 'Completed']).toContain(await scenario.stackStatus(jobName)); // outlived the group
    await scenario.rerunAndCheck(runId, jobName);
  });

  it('Ctrl-C detaches: exit 130, the job keeps running, DB and stack agree; the rerun completes', async () => {
    const { main, runId, jobName, scenario } = await startUntilTraining('int');
    process.kill(-main.child.pid!, 'SIGINT'); // what a terminal's Ctrl-C does: the whole foreground group
    expect(await main.exited).toBe(130);
    expect(main.stderr()).toContain('SIGINT: detaching');
    expect(main.stdout()).not.toContain('Report:');
    const status = await scenario.stackStatus(jobName);
    if (status === 'InProgress') expect(main.stdout()).toContain(`Re-attach: rerun with --run-id ${runId}`);
    const [[, dbStatus]] = await scenario.dbTrainingRows();
    // The DB row says what the stack said when the batch detached (or already the end state).
    expect([status, 'InProgress']).toContain(dbStatus);
    await scenario.rerunAndCheck(runId, jobName);
  });
});
