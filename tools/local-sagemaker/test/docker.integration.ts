import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { readDiscovery } from '../src/state/discovery';
import { bundle, CLI_SOURCE } from './support/bundle';
import { createS3Client, downloadFile, unpackArchive, uploadFile } from '@mlops/aws';
import {
  BUCKET,
  FIXTURES,
  Harness,
  ROLE,
  startHarness,
  trainingRequest,
  waitForLog,
  waitForProcessing,
  waitForTraining,
} from './support/harness';

const BASE_IMAGE = 'node:24-bookworm-slim';
const IMAGE = 'lsm-fixture:integration';
const LABEL = 'local-sagemaker.job';

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

/** Containers and networks the emulator labelled for this job: must be none once it ended. */
function leftovers(job: string): { containers: string; networks: string } {
  return {
    containers: docker('ps', '-a', '-q', '--filter', `label=${LABEL}=${job}`),
    networks: docker('network', 'ls', '-q', '--filter', `label=${LABEL}=${job}`),
  };
}

let h: Harness;
let out: string;
beforeAll(async () => {
  try {
    docker('image', 'inspect', BASE_IMAGE);
  } catch {
    throw new Error(
      `Base image ${BASE_IMAGE} is missing: run \`tools/ci/services.sh up\` (it builds it offline)`,
    );
  }
  // A tiny image with the SageMaker entry points: `train` on PATH, the processing app as CMD.
  const ctx = mkdtempSync(join(tmpdir(), 'lsm-image-'));
  copyFileSync(join(FIXTURES, 'job.js'), join(ctx, 'job.js'));
  writeFileSync(join(ctx, 'train'), '#!/bin/sh\nexec node /app/job.js train "$@"\n', { mode: 0o755 });
  writeFileSync(
    join(ctx, 'Dockerfile'),
    `FROM ${BASE_IMAGE}\nCOPY job.js /app/job.js\nCOPY train /usr/local/bin/train\nCMD ["node", "/app/job.js", "process"]\n`,
  );
  docker('build', '-q', '-t', IMAGE, ctx);
  rmSync(ctx, { recursive: true, force: true });
  h = await startHarness({ runtime: 'docker', stopGraceSeconds: 2 });
  expect(h.emulator.runtime).toBe('docker');
  out = h.out;
}, 300_000);
afterAll(async () => {
  await h?.close();
  execFileSync('docker', ['rmi', '-f', IMAGE], { stdio: 'ignore' });
});

function dockerTraining(name: string, hps: Record<string, string>) {
  const req = trainingRequest(name, out, hps);
  req.AlgorithmSpecification.TrainingImage = IMAGE;
  return req;
}

async function unpack(uri: string): Promise<string> {
  const dir = mkdtempSync(join(h.tmp, 'unpacked-'));
  await unpackArchive(new URL(uri).pathname, dir);
  return dir;
}

describe('docker runtime', () => {
  it('runs a single-host training job with /opt/ml laid out as SageMaker does, then removes everything', async () => {
    const data = join(h.tmp, 'channel');
    mkdirSync(data);
    writeFileSync(join(data, 'a.csv'), '1,2');
    const req = {
      ...dockerTraining('dk-single', { mode: 'ok' }),
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3Uri: pathToFileURL(data).href, S3DataType: 'S3Prefix' as const } },
        },
      ],
      Environment: { MY_VAR: 'in-container' },
    };
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'dk-single', 120_000);
    expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    expect(d.FinalMetricDataList!.map((m) => [m.MetricName, m.Value])).toEqual([
      ['train:loss', 0.333],
      ['validation:accuracy', 0.93],
    ]);
    const model = JSON.parse(
      readFileSync(join(await unpack(d.ModelArtifacts!.S3ModelArtifacts!), 'model.json'), 'utf8'),
    );
    expect(model).toEqual({
      hps: { mode: 'ok' },
      seen: { train: ['a.csv=1,2'] },
      host: 'algo-1',
      env: 'in-container',
    });
    expect(leftovers('dk-single')).toEqual({ containers: '', networks: '' });
    expect(readdirSync(join(h.stateDir, 'work'))).toEqual([]);
  });

  it('runs two hosts on one network, each resolving the other by name', async () => {
    const req = dockerTraining('dk-two', { mode: 'dns' });
    req.ResourceConfig.InstanceCount = 2;
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'dk-two', 120_000);
    expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    const dir = await unpack(d.ModelArtifacts!.S3ModelArtifacts!);
    // Each host reached the other by name over the job network (model dirs are merged on upload).
    expect(readFileSync(join(dir, 'dns-algo-1.txt'), 'utf8')).toMatch(/^algo-2=\d+\.\d+\.\d+\.\d+$/);
    expect(readFileSync(join(dir, 'dns-algo-2.txt'), 'utf8')).toMatch(/^algo-1=\d+\.\d+\.\d+\.\d+$/);
    expect(leftovers('dk-two')).toEqual({ containers: '', networks: '' });
  });

  it('stops a job with SIGTERM; the model saved by the handler is uploaded', async () => {
    await h.sm.send(new CreateTrainingJobCommand(dockerTraining('dk-stop', { mode: 'sleep' })));
    await waitForLog(h.logs, 'TrainingJobs', 'dk-stop', 'sleeping', 120_000);
    await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'dk-stop' }));
    const d = await waitForTraining(h.sm, 'dk-stop', 60_000);
    expect(d.TrainingJobStatus).toBe('Stopped');
    const dir = await unpack(d.ModelArtifacts!.S3ModelArtifacts!);
    expect(readFileSync(join(dir, 'saved-on-term.txt'), 'utf8')).toBe('saved');
    expect(leftovers('dk-stop')).toEqual({ containers: '', networks: '' });
  });

  it('enforces MaxRuntimeInSeconds on a container that ignores SIGTERM (SIGKILL after the grace)', async () => {
    const req = dockerTraining('dk-maxrt', { mode: 'ignore-term' });
    // Long enough for a slow container start on a loaded machine, so the app's SIGTERM handler is in place.
    req.StoppingCondition.MaxRuntimeInSeconds = 6;
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'dk-maxrt', 120_000);
    expect([d.TrainingJobStatus, d.SecondaryStatus]).toEqual(['Stopped', 'MaxRuntimeExceeded']);
    // 6 s runtime + 2 s grace before the kill.
    expect(d.TrainingEndTime!.getTime() - d.TrainingStartTime!.getTime()).toBeGreaterThanOrEqual(8000);
    expect(await waitForLog(h.logs, 'TrainingJobs', 'dk-maxrt', 'got SIGTERM')).toEqual(['got SIGTERM']);
    expect(leftovers('dk-maxrt')).toEqual({ containers: '', networks: '' });
  });

  it.each([
    ['Stop', 'dk-escape-stop', 60],
    ['MaxRuntime', 'dk-escape-maxrt', 6],
  ])(
    '%s ends every process of the container, also a setsid child that ignores SIGTERM',
    async (_how, name, max) => {
      const req = dockerTraining(name, { mode: 'escape' });
      req.StoppingCondition.MaxRuntimeInSeconds = max;
      await h.sm.send(new CreateTrainingJobCommand(req));
      await waitForLog(h.logs, 'TrainingJobs', name, 'escaped pid=', 120_000);
      await waitForLog(h.logs, 'TrainingJobs', name, 'sleeping', 120_000);
      if (max === 60) await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: name }));
      const d = await waitForTraining(h.sm, name, 120_000);
      expect(d.TrainingJobStatus).toBe('Stopped');
      // The container (its PID namespace: the setsid child with it) is gone.
      expect(leftovers(name)).toEqual({ containers: '', networks: '' });
    },
  );

  it('after kill -9 of the emulator, a restart fails the job with the reason and removes its containers', async () => {
    const stateDir = join(h.tmp, 'crash-state');
    const cli = bundle(CLI_SOURCE);
    const emulator = spawn(
      process.execPath,
      [cli, 'start', '--state-dir', stateDir, '--runtime', 'docker', '--s3', 'none', '--stop-grace', '2'],
      { stdio: 'ignore' },
    );
    let found = readDiscovery(stateDir);
    for (let i = 0; i < 600 && !found; i++) {
      await new Promise((r) => setTimeout(r, 50));
      found = readDiscovery(stateDir);
    }
    if (!found) throw new Error(`the emulator of ${stateDir} never published its endpoints`);
    const sm = new SageMakerClient({
      endpoint: found.endpoint,
      region: 'us-east-1',
      credentials: found.credentials,
    });
    await sm.send(new CreateTrainingJobCommand(dockerTraining('dk-crash', { mode: 'sleep' })));
    for (let i = 0; i < 1200 && leftovers('dk-crash').containers === ''; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(leftovers('dk-crash').containers).not.toBe('');
    emulator.kill('SIGKILL');
    await new Promise((r) => emulator.once('exit', r));
    sm.destroy();

    const second = await startHarness({ runtime: 'docker', stateDir, s3: undefined });
    try {
      const d = await waitForTraining(second.sm, 'dk-crash', 60_000);
      expect(d.TrainingJobStatus).toBe('Failed');
      expect(d.FailureReason).toMatch(/runner died.*docker runtime cannot recover the exit status/);
      expect(leftovers('dk-crash')).toEqual({ containers: '', networks: '' });
    } finally {
      await second.close();
    }
  });

  it('fails with the failure file of the container', async () => {
    await h.sm.send(new CreateTrainingJobCommand(dockerTraining('dk-fail', { mode: 'fail' })));
    const d = await waitForTraining(h.sm, 'dk-fail', 120_000);
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.FailureReason!.startsWith('ValueError: bad input\n')).toBe(true);
    expect(d.FailureReason).toHaveLength(1024);
    expect(leftovers('dk-fail')).toEqual({ containers: '', networks: '' });
  });

  it('runs a processing job: image CMD, s3:// input at its LocalPath, file:// output in place', async () => {
    const s3 = createS3Client({
      region: 'us-east-1',
      endpoint: h.emulator.s3Endpoint,
      forcePathStyle: true,
      credentials: h.emulator.s3Credentials,
    });
    const seed = join(h.tmp, 'seed.txt');
    writeFileSync(seed, 'from-s3');
    await uploadFile(s3, seed, `s3://${BUCKET}/proc/in/x.txt`);
    const localOut = join(h.tmp, 'proc-out');
    await h.sm.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: 'dk-proc',
        RoleArn: ROLE,
        AppSpecification: { ImageUri: IMAGE },
        ProcessingResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
        },
        ProcessingInputs: [
          {
            InputName: 'in',
            S3Input: {
              S3Uri: `s3://${BUCKET}/proc/in`,
              LocalPath: '/opt/ml/processing/input/data',
              S3DataType: 'S3Prefix',
            },
          },
        ],
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: 'local',
              S3Output: {
                S3Uri: pathToFileURL(localOut).href,
                LocalPath: '/opt/ml/processing/output/local',
                S3UploadMode: 'EndOfJob',
              },
            },
            {
              OutputName: 'remote',
              S3Output: {
                S3Uri: `s3://${BUCKET}/proc/out`,
                LocalPath: '/opt/ml/processing/output/remote',
                S3UploadMode: 'EndOfJob',
              },
            },
          ],
        },
      }),
    );
    const d = await waitForProcessing(h.sm, 'dk-proc', 120_000);
    expect([d.ProcessingJobStatus, d.FailureReason, d.ExitMessage]).toEqual([
      'Completed',
      undefined,
      'processed 1 files',
    ]);
    expect(readFileSync(join(localOut, 'result.txt'), 'utf8')).toBe('in/x.txt=from-s3');
    const fetched = join(h.tmp, 'remote-result.txt');
    await downloadFile(s3, `s3://${BUCKET}/proc/out/result.txt`, fetched);
    expect(readFileSync(fetched, 'utf8')).toBe('in/x.txt=from-s3');
    s3.destroy();
    expect(leftovers('dk-proc')).toEqual({ containers: '', networks: '' });
  });
});
