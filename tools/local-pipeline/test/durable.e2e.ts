import { startUntilTraining } from './support/rerun-scenario';
import { disposeTestEnv, TestEnv } from './support/workspace';

/** The acceptance scenario on the docker runtime: kill the main job mid-training, rerun, one job, completed. */
describe('main job killed mid-training, then rerun (docker runtime)', () => {
  let t: TestEnv | undefined;
  afterAll(() => disposeTestEnv(t));

  it('SIGKILL of the whole process group: the container keeps running, the rerun re-attaches and exits 0', async () => {
    const run = await startUntilTraining('dkill', 'docker');
    t = run.t;
    process.kill(-run.main.child.pid!, 'SIGKILL');
    await run.main.exited;
    expect(['InProgress', 'Completed']).toContain(await run.scenario.stackStatus(run.jobName));
    await run.scenario.rerunAndCheck(run.runId, run.jobName);
  });
});
