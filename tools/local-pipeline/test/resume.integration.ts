import { rmSync } from 'node:fs';
import {
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { jobNameFor } from '@mlops/pipeline-core';
import { bundlePath } from '../src/batches/bundle-path';
import type { Phase } from '../src/batches/phases';
import { BatchResult, runBatch, RunningBatch } from '../src/batches/run-batch';
import { buildChildEnv } from '../src/pipeline/child-env';
import { defaultStackCli, LocalStack, startStack } from '../src/stack/start-stack';
import { CONFIG_DIR, makeTestEnv, REPO_ROOT, TestEnv } from './support/workspace';

/**
 * Kill the training batch (SIGKILL, no chance to clean up) while its job is InProgress, rerun it with the
 * same run id: it must attach to the running job, and exactly one training job must exist.
 */
describe('resume: training batch killed mid-wait', () => {
  const runId = `res-${Date.now().toString(36)}`;
  const model = 'iris';
  let t: TestEnv;
  let stack: LocalStack | undefined;
  let sm: SageMakerClient;

  beforeAll(async () => {
    // More trees: a training job long enough to be caught InProgress on a busy 2-core machine.
    t = await makeTestEnv('lp-resume-', {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '400',
    });
    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    stack = await startStack({
      config,
      runtime: 'process',
      appsRoot: REPO_ROOT,
      stackCli: defaultStackCli(REPO_ROOT),
    });
    sm = new SageMakerClient({
      endpoint: stack.sagemakerEndpoint,
      region: config.aws.region,
      credentials: {
        accessKeyId: stack.childEnv.AWS_ACCESS_KEY_ID,
        secretAccessKey: stack.childEnv.AWS_SECRET_ACCESS_KEY,
      },
    });
  });

  afterAll(async () => {
    sm?.destroy();
    await stack?.stop();
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  function start(phase: Phase): RunningBatch {
    const lines: string[] = [];
    const running = runBatch(
      {
        phase,
        model,
        env: 'local',
        runId,
        configDir: CONFIG_DIR,
        bundle: bundlePath(REPO_ROOT, phase),
        cwd: REPO_ROOT,
        childEnv: buildChildEnv(t.env, stack?.childEnv ?? {}),
      },
      (line) => lines.push(line),
    );
    running.done.then((r: BatchResult) => {
      if (r.exitCode !== 0 && r.signal === null)
        process.stderr.write(`${phase} output:\n${lines.join('\n')}\n`);
    });
    return running;
  }

  async function trainingStatus(name: string): Promise<string | undefined> {
    try {
      return (await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;
    } catch (err) {
      if (/not found|does not exist/i.test((err as Error).message)) return undefined;
      throw err;
    }
  }

  it('reattaches after SIGKILL and never launches a second training job', async () => {
    for (const phase of ['collection', 'preprocess'] as const)
      expect((await start(phase).done).exitCode).toBe(0);

    const jobName = jobNameFor(runId, model, 'training');
    const first = start('training');
    const deadline = Date.now() + 60_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      status = await trainingStatus(jobName);
      if (status !== undefined) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe('InProgress');
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    // The job outlives its batch: the kill happened mid-wait.
    expect(await trainingStatus(jobName)).toBe('InProgress');

    const rerun = await start('training').done;
    expect(rerun.exitCode).toBe(0);
    expect(await trainingStatus(jobName)).toBe('Completed');

    const listed = await sm.send(new ListTrainingJobsCommand({ NameContains: runId }));
    expect(listed.TrainingJobSummaries?.map((j) => j.TrainingJobName)).toEqual([jobName]);

    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    const db = await openDatabase(config.db);
    try {
      const jobs = await db.listJobs({ modelName: model, batch: 'training' });
      expect(jobs.map((j) => [j.sagemakerName, j.status])).toEqual([[jobName, 'Completed']]);
    } finally {
      await db.close();
    }
  });
});
