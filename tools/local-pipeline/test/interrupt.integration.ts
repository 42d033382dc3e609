import { startUntilTraining } from './support/rerun-scenario';
import { disposeTestEnv, TestEnv } from './support/workspace';

/**
 * The main job ends mid-training (SIGKILL of its whole process group, or Ctrl-C), then the same command
 * runs again with the same run id: the training job kept running on the local stack (a daemon), the rerun
 * re-attaches to it, there is exactly one training job and the run completes.
 */
describe('main job ended mid-training, then rerun (process runtime)', () => {
  let t: TestEnv | undefined;
  afterEach(() => disposeTestEnv(t));

  it('SIGKILL of the whole process group leaves the job running; the rerun re-attaches and exits 0', async () => {
    const run = await startUntilTraining('kill', 'process');
    t = run.t;
    process.kill(-run.main.child.pid!, 'SIGKILL');
    await run.main.exited;
    expect(['InProgress', 'Completed']).toContain(await run.scenario.stackStatus(run.jobName)); // outlived the group
    await run.scenario.rerunAndCheck(run.runId, run.jobName);
  });

  it('Ctrl-C detaches: exit 130, the job keeps running, DB and stack agree; the rerun completes', async () => {
    const { t: env, main, runId, jobName, scenario } = await startUntilTraining('int', 'process');
    t = env;
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
