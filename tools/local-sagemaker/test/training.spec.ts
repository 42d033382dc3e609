import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { unpackArchive } from '@mlops/aws';
import { identify, isSameProcess } from '../src/proc/identity';
import { Harness, startHarness, trainingRequest, waitForLog, waitForTraining } from './support/harness';

let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness({ multiHostProcesses: true }); // per-host mechanics; names need not resolve
  out = h.out;
});
afterAll(() => h.close());

async function unpackModel(uri: string, file = 'model.json'): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(h.tmp, 'model-'));
  await unpackArchive(new URL(uri).pathname, dir);
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

describe('training jobs on the process runtime, through the stock SageMaker client', () => {
  it('runs a job to Completed with transitions, metrics, file:// channel and model.tar.gz', async () => {
    const data = join(h.tmp, 'data-train');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'rows.csv'), '1,2,3');
    const req = {
      ...trainingRequest('train-ok', out, { epochs: '3', mode: 'ok' }),
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3Uri: pathToFileURL(data).href, S3DataType: 'S3Prefix' as const } },
        },
      ],
      Environment: { MY_VAR: 'from-request' },
    };
    const created = await h.sm.send(new CreateTrainingJobCommand(req));
    expect(created.TrainingJobArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:training-job/train-ok');

    const d = await waitForTraining(h.sm, 'train-ok');
    expect(d.FailureReason).toBeUndefined();
    expect(d.TrainingJobStatus).toBe('Completed');
    expect(d.SecondaryStatus).toBe('Completed');
    expect(d.SecondaryStatusTransitions!.map((t) => t.Status)).toEqual([
      'Starting',
      'Downloading',
      'Training',
      'Uploading',
      'Completed',
    ]);
    expect(d.CreationTime).toBeInstanceOf(Date);
    expect(d.TrainingStartTime!.getTime()).toBeGreaterThanOrEqual(d.CreationTime!.getTime());
    expect(d.TrainingEndTime!.getTime()).toBeGreaterThanOrEqual(d.TrainingStartTime!.getTime());
    const metrics = Object.fromEntries(d.FinalMetricDataList!.map((m) => [m.MetricName, m.Value]));
    expect(metrics).toEqual({ 'train:loss': 0.333, 'validation:accuracy': 0.93 });
    expect(d.ModelArtifacts!.S3ModelArtifacts).toBe(`${out}/train-ok/output/model.tar.gz`);
    expect(existsSync(join(h.tmp, 'out/train-ok/output/output.tar.gz'))).toBe(true);

    const model = await unpackModel(d.ModelArtifacts!.S3ModelArtifacts!);
    expect(model).toEqual({
      hps: { epochs: '3', mode: 'ok' },
      seen: { train: ['rows.csv=1,2,3'] },
      host: 'algo-1',
      env: 'from-request',
    });
    // Work folders are removed once the job is done.
    expect(
      existsSync(join(h.stateDir, 'work')) && require('node:fs').readdirSync(join(h.stateDir, 'work')),
    ).toEqual([]);
  });

  it('returns from Create at once, while the job is still InProgress', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('train-async', out, { mode: 'sleep' })));
    const d = await h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'train-async' }));
    expect(d.TrainingJobStatus).toBe('InProgress');
    expect(['Starting', 'Downloading', 'Training']).toContain(d.SecondaryStatus);
    await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'train-async' }));
    const d2 = await waitForTraining(h.sm, 'train-async');
    expect([d2.TrainingJobStatus, d2.FailureReason]).toEqual(['Stopped', undefined]);
  });

  it('fails with the first 1024 chars of /opt/ml/output/failure as FailureReason', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('train-fail', out, { mode: 'fail' })));
    const d = await waitForTraining(h.sm, 'train-fail');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.SecondaryStatus).toBe('Failed');
    expect(d.FailureReason!.startsWith('ValueError: bad input\nxxx')).toBe(true);
    expect(d.FailureReason).toHaveLength(1024);
    expect(d.ModelArtifacts).toBeUndefined();
  });

  it('fails with the exit code when the app writes no failure file', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('train-crash', out, { mode: 'crash' })));
    const d = await waitForTraining(h.sm, 'train-crash');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.FailureReason).toBe('AlgorithmError: See job logs for more information (exit code 7 on algo-1)');
  });

  it('stops a job: SIGTERM, Stopping then Stopped, artifacts saved in the handler are uploaded', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('train-stop', out, { mode: 'sleep' })));
    await waitForLog(h.logs, 'TrainingJobs', 'train-stop', 'sleeping');
    await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'train-stop' }));
    expect((await describeJob('train-stop')).TrainingJobStatus).toMatch(/^(Stopping|Stopped)$/);
    const d = await waitForTraining(h.sm, 'train-stop');
    expect(d.TrainingJobStatus).toBe('Stopped');
    expect(d.SecondaryStatusTransitions!.map((t) => t.Status)).toEqual([
      'Starting',
      'Downloading',
      'Training',
      'Stopping',
      'Uploading',
      'Stopped',
    ]);
    const model = new URL(d.ModelArtifacts!.S3ModelArtifacts!).pathname;
    const dir = mkdtempSync(join(h.tmp, 'stopped-'));
    await unpackArchive(model, dir);
    expect(readFileSync(join(dir, 'saved-on-term.txt'), 'utf8')).toBe('saved');
    await expect(
      h.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'train-stop' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'The request was rejected because the training job is in status Stopped.',
    });
  });

  it('kills a job that ignores SIGTERM after the grace period', async () => {
    await h.sm.send(
      new CreateTrainingJobCommand(trainingRequest('train-stubborn', out, { mode: 'ignore-term' })),
    );
    await waitForLog(h.logs, 'TrainingJobs', 'train-stubborn', 'sleeping');
    const stoppedAt = Date.now();
    await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: 'train-stubborn' }));
    const d = await waitForTraining(h.sm, 'train-stubborn');
    expect(d.TrainingJobStatus).toBe('Stopped');
    // Harness grace is 2 s: the SIGKILL comes no earlier.
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1900);
  });

  it.each([
    ['Stop', 'train-escape-stop', 60],
    ['MaxRuntime', 'train-escape-maxrt', 2],
  ])(
    '%s ends every process of the job, also a setsid child that ignores SIGTERM',
    async (_how, name, max) => {
      const req = trainingRequest(name, out, { mode: 'escape' });
      req.StoppingCondition.MaxRuntimeInSeconds = max;
      await h.sm.send(new CreateTrainingJobCommand(req));
      const [line] = await waitForLog(h.logs, 'TrainingJobs', name, 'escaped pid=');
      const escaped = identify(Number(/pid=(\d+)/.exec(line)![1]))!;
      expect(isSameProcess(escaped)).toBe(true);
      await waitForLog(h.logs, 'TrainingJobs', name, 'sleeping');
      if (max === 60) await h.sm.send(new StopTrainingJobCommand({ TrainingJobName: name }));
      const d = await waitForTraining(h.sm, name);
      expect(d.TrainingJobStatus).toBe('Stopped');
      expect(isSameProcess(escaped)).toBe(false); // gone by the time the job is Stopped
    },
  );

  it('leaves nothing running when a job that started a setsid child completes', async () => {
    await h.sm.send(
      new CreateTrainingJobCommand(
        trainingRequest('train-escape-exit', out, { mode: 'escape', then: 'exit' }),
      ),
    );
    const d = await waitForTraining(h.sm, 'train-escape-exit');
    expect(d.TrainingJobStatus).toBe('Completed');
    const [line] = await waitForLog(h.logs, 'TrainingJobs', 'train-escape-exit', 'escaped pid=');
    const escaped = identify(Number(/pid=(\d+)/.exec(line)![1]));
    expect(escaped === undefined || !isSameProcess(escaped)).toBe(true); // gone (or a zombie awaiting init)
  });

  it('enforces MaxRuntimeInSeconds: Stopped with SecondaryStatus MaxRuntimeExceeded', async () => {
    const req = trainingRequest('train-maxrt', out, { mode: 'sleep' });
    req.StoppingCondition.MaxRuntimeInSeconds = 1;
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'train-maxrt');
    expect(d.TrainingJobStatus).toBe('Stopped');
    expect(d.SecondaryStatus).toBe('MaxRuntimeExceeded');
    expect(d.TrainingEndTime!.getTime() - d.TrainingStartTime!.getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('restores CheckpointConfig data into /opt/ml/checkpoints and saves new checkpoints back', async () => {
    const checkpoints = join(h.tmp, 'checkpoints');
    mkdirSync(checkpoints, { recursive: true });
    writeFileSync(join(checkpoints, 'ckpt-old.txt'), 'old');
    const req = {
      ...trainingRequest('train-ckpt', out, { mode: 'ok' }),
      CheckpointConfig: { S3Uri: pathToFileURL(checkpoints).href },
    };
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'train-ckpt');
    expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    expect((await unpackModel(d.ModelArtifacts!.S3ModelArtifacts!)).checkpoints).toEqual([
      'ckpt-old.txt=old',
    ]);
    expect(readFileSync(join(checkpoints, 'ckpt-new.txt'), 'utf8')).toBe('new');
  });

  it('runs every host of a multi-instance job with its own resourceconfig.json', async () => {
    const req = trainingRequest('train-two-hosts', out, { mode: 'ok' });
    req.ResourceConfig.InstanceCount = 2;
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 'train-two-hosts');
    expect(d.TrainingJobStatus).toBe('Completed');
    // algo-1's model wins on a name clash.
    expect((await unpackModel(d.ModelArtifacts!.S3ModelArtifacts!)).host).toBe('algo-1');
  });

  it('runs a heterogeneous cluster: hosts numbered across InstanceGroups, channels only to their groups', async () => {
    const data = join(h.tmp, 'data-groups');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'rows.csv'), '1');
    const channel = (name: string, groups?: string[]) => ({
      ChannelName: name,
      DataSource: {
        S3DataSource: {
          S3Uri: pathToFileURL(data).href,
          S3DataType: 'S3Prefix' as const,
          ...(groups ? { InstanceGroupNames: groups } : {}),
        },
      },
    });
    const base = trainingRequest('train-groups', out, { mode: 'ok', record_host: '1' });
    await h.sm.send(
      new CreateTrainingJobCommand({
        ...base,
        ResourceConfig: {
          VolumeSizeInGB: 1,
          InstanceGroups: [
            { InstanceGroupName: 'data', InstanceType: 'ml.c5.xlarge', InstanceCount: 1 },
            { InstanceGroupName: 'gpu', InstanceType: 'ml.g5.xlarge', InstanceCount: 2 },
          ],
        },
        InputDataConfig: [channel('all'), channel('raw', ['data'])],
      }),
    );
    const d = await waitForTraining(h.sm, 'train-groups');
    expect(d.TrainingJobStatus).toBe('Completed');
    const groups = [
      { instance_group_name: 'data', instance_type: 'ml.c5.xlarge', hosts: ['algo-1'] },
      { instance_group_name: 'gpu', instance_type: 'ml.g5.xlarge', hosts: ['algo-2', 'algo-3'] },
    ];
    const uri = d.ModelArtifacts!.S3ModelArtifacts!;
    expect(await unpackModel(uri, 'algo-1.json')).toEqual({
      group: 'data',
      type: 'ml.c5.xlarge',
      groups,
      channels: ['all', 'raw'],
    });
    expect(await unpackModel(uri, 'algo-3.json')).toEqual({
      group: 'gpu',
      type: 'ml.g5.xlarge',
      groups,
      channels: ['all'],
    });
  });
});

function describeJob(name: string) {
  return h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
}
