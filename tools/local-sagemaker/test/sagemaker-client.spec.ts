// The pipeline's own SageMaker client (@mlops/aws sagemaker-client) against the emulator: start, wait with
// progress and logs, failure, stop and resume. It lives here, not in libs/aws, because a lib may not depend
// on a tool; the client code under test is the same the batches run against AWS.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import {
  createS3Client,
  downloadFile,
  unpackArchive,
  uploadFile,
  createLogsClient,
  createSageMakerClient,
  SageMakerJobFailedError,
  JobLogEvent,
  JobProgressEvent,
  JobWaitTimeoutError,
  SageMakerValidationError,
  prepareProcessingJob,
  prepareTrainingJob,
  startProcessingJob,
  startTrainingJob,
  stopJob,
  TrainingJobSpec,
  waitForJob,
} from '@mlops/aws';
import { BUCKET, Harness, ROLE, startHarness, waitForLog } from './support/harness';

let h: Harness;
let s3Client: S3Client | undefined;
beforeAll(async () => {
  h = await startHarness({ multiHostProcesses: true }); // per-host mechanics; names need not resolve
});
afterAll(async () => {
  s3Client?.destroy();
  await h.close();
});

/** The embedded S3 of the local stack, through the lib's factory. */
function s3(): S3Client {
  s3Client ??= createS3Client({
    region: 'us-east-1',
    endpoint: h.emulator.s3Endpoint,
    forcePathStyle: true,
    credentials: h.emulator.s3Credentials,
  });
  return s3Client;
}

function trainingSpec(hyperparameters: Record<string, string>, instanceCount = 1): TrainingJobSpec {
  return {
    image: 'fixture-job',
    roleArn: ROLE,
    instanceType: 'ml.m5.large',
    instanceCount,
    volumeSizeGb: 1,
    maxRuntimeSeconds: 600,
    hyperparameters,
    outputPath: `s3://${BUCKET}/lib-out`,
    metricDefinitions: [
      { name: 'train:loss', regex: 'train_loss=([0-9.]+)' },
      { name: 'validation:accuracy', regex: 'validation:accuracy=([0-9.]+)' },
    ],
  };
}

/** The lib's factories, configured the way configs/local.yaml does it: only the endpoint differs from AWS. */
function libClients() {
  const cfg = {
    region: 'us-east-1',
    endpoint: h.emulator.endpoint,
    credentials: h.emulator.credentials,
  };
  return { sm: createSageMakerClient(cfg), logs: createLogsClient(cfg) };
}

describe('sagemaker-client against the local SageMaker', () => {
  it('starts a two-host training job and waits with progress, merged logs, metrics and artifacts', async () => {
    const { sm, logs } = libClients();
    try {
      const started = await startTrainingJob(
        sm,
        prepareTrainingJob({ ...trainingSpec({ mode: 'ok' }, 2), baseJobName: 'lib-wait' }),
      );
      expect(started).toMatchObject({ kind: 'training', attached: false, status: 'InProgress' });
      expect(started.jobName).toMatch(/^lib-wait-\d{4}(-\d{2}){5}-\d{3}$/);

      const progress: JobProgressEvent[] = [];
      const lines: JobLogEvent[] = [];
      const outcome = await waitForJob(sm, 'training', started.jobName, {
        pollIntervalMs: 50,
        logs,
        onProgress: (e) => progress.push(e),
        onLog: (e) => lines.push(e),
      });

      expect(outcome.status).toBe('Completed');
      expect(outcome.metrics).toEqual({ 'train:loss': 0.333, 'validation:accuracy': 0.93 });
      expect(outcome.artifacts.modelArtifacts).toBe(
        `s3://${BUCKET}/lib-out/${started.jobName}/output/model.tar.gz`,
      );
      // Every secondary status the job went through was reported, in order, ending with Completed.
      const seen = outcome.transitions.map((t) => t.status);
      expect(seen).toEqual(['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
      expect(progress.at(-1)?.summary).toMatch(/^Completed \/ Completed - Training job completed \(\d+ s\)$/);
      expect(progress.flatMap((e) => e.transitions.map((t) => t.status))).toEqual(
        expect.arrayContaining(['Completed']),
      );
      // One stream per host, nothing lost or repeated. Each poll is merged by time (test/log-merge.spec.ts
      // in libs/pipeline/aws); across polls a host's line may arrive after a later line of the other host,
      // as with CloudWatch, so the whole sequence is not asserted sorted.
      expect(new Set(lines.map((l) => l.host))).toEqual(new Set(['algo-1', 'algo-2']));
      for (const host of ['algo-1', 'algo-2']) {
        const own = lines.filter((l) => l.host === host).map((l) => l.message);
        expect(own).toEqual([
          `training on ${host} of algo-1,algo-2 mode=ok`,
          'epoch=1 train_loss=1.000',
          'epoch=2 train_loss=0.500',
          'epoch=3 train_loss=0.333',
          'validation:accuracy=0.93',
        ]);
      }
    } finally {
      sm.destroy();
      logs.destroy();
    }
  });

  it('throws SageMakerJobFailedError carrying the FailureReason the container wrote', async () => {
    const { sm } = libClients();
    try {
      const { jobName } = await startTrainingJob(
        sm,
        prepareTrainingJob(trainingSpec({ mode: 'fail' }), 'lib-fails'),
      );
      const err = await waitForJob(sm, 'training', jobName, { pollIntervalMs: 50 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SageMakerJobFailedError);
      const failed = err as SageMakerJobFailedError;
      expect(failed.failureReason).toMatch(/^ValueError: bad input\nx+$/);
      expect(failed.failureReason).toHaveLength(1024);
      expect(failed.secondaryStatus).toBe('Failed');
      expect(failed.message).toContain('training job lib-fails failed: ValueError: bad input');
    } finally {
      sm.destroy();
    }
  });

  it('resumes: a second start with the same name attaches, and a new waiter picks the job up', async () => {
    // The first "process" starts the job and goes away without waiting.
    const first = libClients();
    const started = await startTrainingJob(
      first.sm,
      prepareTrainingJob(trainingSpec({ mode: 'ok', work_ms: '300' }), 'lib-resume'),
    );
    first.sm.destroy();
    first.logs.destroy();
    expect(started.attached).toBe(false);

    // The restarted batch runs the same code with the same deterministic name.
    const second = libClients();
    try {
      const again = await startTrainingJob(
        second.sm,
        prepareTrainingJob(trainingSpec({ mode: 'ok', work_ms: '300' }), 'lib-resume'),
      );
      expect(again).toMatchObject({ jobName: 'lib-resume', attached: true, arn: started.arn });
      const outcome = await waitForJob(second.sm, 'training', 'lib-resume', { pollIntervalMs: 50 });
      expect(outcome.status).toBe('Completed');
      const list = await second.sm.send(new ListTrainingJobsCommand({ NameContains: 'lib-resume' }));
      expect(list.TrainingJobSummaries?.map((s) => s.TrainingJobName)).toEqual(['lib-resume']);
    } finally {
      second.sm.destroy();
      second.logs.destroy();
    }
  });

  it('stops a running job: the wait ends Stopped, with the model saved on SIGTERM', async () => {
    const { sm } = libClients();
    try {
      const { jobName } = await startTrainingJob(
        sm,
        prepareTrainingJob(trainingSpec({ mode: 'sleep' }), 'lib-stop'),
      );
      const waiting = waitForJob(sm, 'training', jobName, { pollIntervalMs: 50 });
      // Stop once the container has its SIGTERM handler, as a stop on SageMaker reaches a running container.
      await waitForLog(h.logs, 'TrainingJobs', jobName, 'sleeping');
      const stop = await stopJob(sm, 'training', jobName);
      expect(stop).toMatchObject({ jobName });
      const outcome = await waiting;
      expect(outcome.status).toBe('Stopped');
      expect(outcome.artifacts.modelArtifacts).toBe(`s3://${BUCKET}/lib-out/lib-stop/output/model.tar.gz`);
      // What the container saved in its SIGTERM handler was uploaded, as SageMaker does on Stop.
      const model = join(h.tmp, 'lib-stop-model');
      await downloadFile(s3(), outcome.artifacts.modelArtifacts!, `${model}.tar.gz`);
      await unpackArchive(`${model}.tar.gz`, model);
      expect(readFileSync(join(model, 'saved-on-term.txt'), 'utf8')).toBe('saved');
    } finally {
      sm.destroy();
    }
  });

  it('gives up waiting with JobWaitTimeoutError and leaves the job running', async () => {
    const { sm } = libClients();
    try {
      const { jobName } = await startTrainingJob(
        sm,
        prepareTrainingJob(trainingSpec({ mode: 'sleep' }), 'lib-timeout'),
      );
      const err = await waitForJob(sm, 'training', jobName, { pollIntervalMs: 50, timeoutMs: 300 }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(JobWaitTimeoutError);
      const stopped = await stopJob(sm, 'training', jobName);
      expect(stopped.jobName).toBe(jobName);
      expect((await waitForJob(sm, 'training', jobName, { pollIntervalMs: 50 })).status).toBe('Stopped');
    } finally {
      sm.destroy();
    }
  });

  it('runs a processing job from S3 to S3 and reports its ExitMessage', async () => {
    const { sm, logs } = libClients();
    const seed = join(h.tmp, 'rows.csv');
    writeFileSync(seed, 'a,b\n1,2\n');
    await uploadFile(s3(), seed, `s3://${BUCKET}/lib-proc/in/rows.csv`);
    try {
      const { jobName } = await startProcessingJob(
        sm,
        prepareProcessingJob(
          {
            image: 'fixture-job',
            roleArn: ROLE,
            instanceType: 'ml.m5.large',
            instanceCount: 1,
            volumeSizeGb: 1,
            maxRuntimeSeconds: 600,
            arguments: ['--flag', 'x'],
            inputs: [
              { name: 'code', s3Uri: `s3://${BUCKET}/lib-proc/in/`, localPath: '/opt/ml/processing/in' },
            ],
            outputs: [
              { name: 'out', s3Uri: `s3://${BUCKET}/lib-proc/out`, localPath: '/opt/ml/processing/out' },
            ],
          },
          'lib-processing',
        ),
      );
      const lines: string[] = [];
      const outcome = await waitForJob(sm, 'processing', jobName, {
        pollIntervalMs: 50,
        logs,
        onLog: (e) => lines.push(e.message),
      });
      expect(outcome.status).toBe('Completed');
      expect(outcome.exitMessage).toBe('processed 1 files');
      expect(outcome.artifacts.outputs).toEqual({ out: `s3://${BUCKET}/lib-proc/out` });
      expect(lines).toContain('processing args=--flag x');
    } finally {
      sm.destroy();
      logs.destroy();
    }
  });

  it('refuses an invalid spec before any call: no job is created', async () => {
    const { sm } = libClients();
    try {
      const bad = { ...trainingSpec({ mode: 'ok' }), instanceCount: 0, maxRuntimeSeconds: 0 };
      let err: unknown;
      try {
        await startTrainingJob(sm, prepareTrainingJob(bad, 'lib-invalid'));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SageMakerValidationError);
      expect((err as Error).message).toContain("Value '0' at 'resourceConfig.instanceCount'");
      expect((err as Error).message).toContain("Value '0' at 'stoppingCondition.maxRuntimeInSeconds'");
      const list = await sm.send(new ListTrainingJobsCommand({ NameContains: 'lib-invalid' }));
      expect(list.TrainingJobSummaries).toEqual([]);
    } finally {
      sm.destroy();
    }
  });
});
