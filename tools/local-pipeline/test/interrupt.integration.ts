import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { readDiscovery } from '@mlops/local-sagemaker';
import { jobNameFor } from '@mlops/pipeline-core';
import {
  CONFIG_DIR,
  makeTestEnv,
  portIsOpen,
  runMain,
  startMainUntilTraining,
  stopLeftoverStack,
  TestEnv,
} from './support/workspace';

/**
 * The main job ends mid-training (SIGKILL of its whole process group, or Ctrl-C), then the same command
 * runs again with the same run id: the training job kept running on the local stack (a daemon), the rerun
 * re-attaches to it, there is exactly one training job and the run completes.
 */
describe('main job ended mid-training, then rerun', () => {
  let t: TestEnv;
  afterEach(async () => {
    if (!t) return;
    await stopLeftoverStack(t.stateDir);
    rmSync(t.tmp, { recursive: true, force: true });
  });

  async function emulatorStatus(name: string): Promise<{ status?: string; sm: SageMakerClient }> {
    const found = readDiscovery(join(t.stateDir, 'local-sagemaker'));
    if (!found) throw new Error('the local stack is not running');
    const sm = new SageMakerClient({
      endpoint: found.endpoint,
      region: found.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const d = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    return { status: d.TrainingJobStatus, sm };
  }

  async function dbTrainingRows(): Promise<string[][]> {
    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    const db = await openDatabase(config.db);
    try {
      return (await db.listJobs({ modelName: 'iris', batch: 'training' })).map((j) => [
        j.sagemakerName,
        j.status,
      ]);
    } finally {
      await db.close();
    }
  }

  async function rerunAndCheck(runId: string, jobName: string, sm: SageMakerClient) {
    const listedBefore = await sm.send(new ListTrainingJobsCommand({ NameContains: runId }));
    const rerun = await runMain(['--models', 'iris', '--runtime', 'process', '--run-id', runId], t.env);
    expect(rerun.stdout).toContain('(already running, reused)');
    expect(rerun.stdout).toContain(`${jobName}: exists`);
    expect(rerun.code).toBe(0);
    expect(listedBefore.TrainingJobSummaries?.map((j) => j.TrainingJobName)).toEqual([jobName]);
    expect(await dbTrainingRows()).toEqual([[jobName, 'Completed']]);
    // The run ended with nothing running: the daemon it started is gone with its ports.
    expect(readDiscovery(join(t.stateDir, 'local-sagemaker'))).toBeUndefined();
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
    expect(await portIsOpen(t.s3Port)).toBe(false);
  }

  it('SIGKILL of the whole process group leaves the job running; the rerun re-attaches and exits 0', async () => {
    t = await makeTestEnv('lp-kill-', {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
    });
    const runId = `kill-${Date.now().toString(36)}`;
    const main = await startMainUntilTraining(
      ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'process', '--run-id', runId],
      t.env,
      { ownGroup: true },
    );
    process.kill(-main.child.pid!, 'SIGKILL');
    await main.exited;
    const jobName = jobNameFor(runId, 'iris', 'training');
    const { status, sm } = await emulatorStatus(jobName);
    expect(['InProgress', 'Completed']).toContain(status); // the job outlived the whole group
    try {
      await rerunAndCheck(runId, jobName, sm);
    } finally {
      sm.destroy();
    }
  });

  it('Ctrl-C detaches: exit 130, the job keeps running, DB and stack agree; the rerun completes', async () => {
    t = await makeTestEnv('lp-int-', { MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400' });
    const runId = `int-${Date.now().toString(36)}`;
    const main = await startMainUntilTraining(
      ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', 'process', '--run-id', runId],
      t.env,
      { ownGroup: true },
    );
    process.kill(-main.child.pid!, 'SIGINT'); // what a terminal's Ctrl-C does: the whole foreground group
    expect(await main.exited).toBe(130);
    expect(main.stderr()).toContain('SIGINT: detaching');
    expect(main.stdout()).not.toContain('Report:');
    const jobName = jobNameFor(runId, 'iris', 'training');
    const { status, sm } = await emulatorStatus(jobName);
    try {
      if (status === 'InProgress') expect(main.stdout()).toContain(`Re-attach: rerun with --run-id ${runId}`);
      const [[, dbStatus]] = await dbTrainingRows();
      // The DB row says what the stack said when the batch detached (or already the end state).
      expect([status, 'InProgress']).toContain(dbStatus);
      await rerunAndCheck(runId, jobName, sm);
    } finally {
      sm.destroy();
    }
  });
});
