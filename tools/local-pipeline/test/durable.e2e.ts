import { jobNameFor } from '@mlops/pipeline-core';
import { RerunScenario } from './support/rerun-scenario';
import {
  CONFIG_DIR,
  makeTestEnv,
  startMainUntilTraining,
  disposeTestEnv,
  TestEnv,
} from './support/workspace';

/** The acceptance scenario on the docker runtime: kill the main job mid-training, rerun, one job, completed. */
describe('main job killed mid-training, then rerun (docker runtime)', () => {
  let t: TestEnv;
  afterAll(() => disposeTestEnv(t));

  it('SIGKILL of the whole process group: the container keeps running, the rerun re-attaches and exits 0', async () => {
    t = await makeTestEnv('lp-dkill-', {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
    });
    const runId = `dkill-${Date.now().toString(36)}`;
    const main = await startMainUntilTraining(
      ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'docker', '--run-id', runId],
      t.env,
      { ownGroup: true },
    );
    process.kill(-main.child.pid!, 'SIGKILL');
    await main.exited;
    const jobName = jobNameFor(runId, 'iris', 'training');
    const scenario = new RerunScenario(t, 'docker');
    expect(['InProgress', 'Completed']).toContain(await scenario.stackStatus(jobName));
    await scenario.rerunAndCheck(runId, jobName);
  });
});
