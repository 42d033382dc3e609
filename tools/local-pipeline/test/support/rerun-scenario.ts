import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTrainingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { readDiscovery } from '@mlops/local-sagemaker';
import { jobNameFor } from '@mlops/pipeline-core';
import { CONFIG_DIR, makeTestEnv, portIsOpen, runMain, startMainUntilTraining, TestEnv } from './workspace';

/** The main job ended mid-training and is run again: checks shared by the integration and e2e suites. */
export class RerunScenario {
  constructor(
    private readonly t: TestEnv,
    private readonly runtime: 'process' | 'docker',
  ) {}

  private get stackDir(): string {
    return join(this.t.stateDir, 'local-sagemaker');
  }

  /** The training job's status on the local stack that outlived the main job. */
  async stackStatus(jobName: string): Promise<string | undefined> {
    const found = readDiscovery(this.stackDir);
    if (!found) throw new Error('the local stack is not running');
    const sm = new SageMakerClient({
      endpoint: found.endpoint,
      region: found.region,
      credentials: found.credentials,
    });
    try {
      return (await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }))).TrainingJobStatus;
    } finally {
      sm.destroy();
    }
  }

  async dbTrainingRows(): Promise<string[][]> {
    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: this.t.env });
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

  /** Reruns the same command: it reuses the stack, re-attaches and exits 0; one training job; nothing left running. */
  async rerunAndCheck(runId: string, jobName: string): Promise<void> {
    const rerun = await runMain(
      ['--models', 'iris', '--runtime', this.runtime, '--run-id', runId],
      this.t.env,
    );
    expect(rerun.stdout).toContain('(already running, reused)');
    expect(rerun.stdout).toContain(`${jobName}: exists`);
    expect(rerun.code).toBe(0);
    expect(await this.dbTrainingRows()).toEqual([[jobName, 'Completed']]);
    // One record file per training job the stack ever created for this run.
    const records = readdirSync(join(this.stackDir, 'jobs', 'training')).filter((f) => f.includes(runId));
    expect(records).toEqual([`${jobName}.json`]);
    // The run ended with nothing running: the daemon is gone with its ports.
    expect(readDiscovery(this.stackDir)).toBeUndefined();
    expect(await portIsOpen(this.t.sagemakerPort)).toBe(false);
    expect(await portIsOpen(this.t.s3Port)).toBe(false);
  }
}

/** Starts the main job for iris in its own process group (as `npm start` in a terminal) until training runs. */
export async function startUntilTraining(prefix: string, runtime: 'process' | 'docker') {
  const t = await makeTestEnv(`lp-${prefix}-`, {
    MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
  });
  const runId = `${prefix}-${Date.now().toString(36)}`;
  const main = await startMainUntilTraining(
    ['--config-dir', CONFIG_DIR, '--models', 'iris', '--runtime', runtime, '--run-id', runId],
    t.env,
    { ownGroup: true },
  );
  return {
    t,
    main,
    runId,
    jobName: jobNameFor(runId, 'iris', 'training'),
    scenario: new RerunScenario(t, runtime),
  };
}
