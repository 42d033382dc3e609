import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  StopProcessingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { createS3Client, downloadFile, listObjectsArray, unpackArchive, uploadFile } from '@mlops/aws';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  BUCKET,
  Harness,
  ROLE,
  startHarness,
  trainingRequest,
  waitForLog,
  waitForProcessing,
  waitForTraining,
} from './support/harness';

let h: Harness;
let s3: S3Client;
beforeAll(async () => {
  h = await startHarness();
  expect(h.emulator.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  s3 = createS3Client({
    region: 'us-east-1',
    endpoint: h.emulator.s3Endpoint,
    forcePathStyle: true,
    credentials: h.emulator.s3Credentials,
  });
  const file = join(h.tmp, 'seed.csv');
  writeFileSync(file, 'a,b\n1,2');
  await uploadFile(s3, file, `s3://${BUCKET}/data/train/part-0.csv`);
  writeFileSync(file, '3,4');
  await uploadFile(s3, file, `s3://${BUCKET}/data/train/nested/part-1.csv`);
});
afterAll(async () => {
  s3.destroy();
  await h.close();
});

function processingRequest(name: string, localOut: string, extra: Record<string, unknown> = {}) {
  return {
    ProcessingJobName: name,
    RoleArn: ROLE,
    AppSpecification: {
      ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/fixture-job:1',
      ContainerArguments: ['--split', '0.2'],
    },
    ProcessingResources: {
      ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large' as const, VolumeSizeInGB: 1 },
    },
    ProcessingInputs: [
      {
        InputName: 'raw',
        S3Input: {
          S3Uri: `s3://${BUCKET}/data/train`,
          LocalPath: '/opt/ml/processing/input/raw',
          S3DataType: 'S3Prefix' as const,
        },
      },
    ],
    ProcessingOutputConfig: {
      Outputs: [
        {
          OutputName: 'to-s3',
          S3Output: {
            S3Uri: `s3://${BUCKET}/processed/${name}`,
            LocalPath: '/opt/ml/processing/output/s3',
            S3UploadMode: 'EndOfJob' as const,
          },
        },
        {
          OutputName: 'to-local',
          S3Output: {
            S3Uri: pathToFileURL(localOut).href,
            LocalPath: '/opt/ml/processing/output/local',
            S3UploadMode: 'EndOfJob' as const,
          },
        },
      ],
    },
    StoppingCondition: { MaxRuntimeInSeconds: 60 },
    ...extra,
  };
}

describe('data through the embedded S3 and file:// paths', () => {
  it('trains from an s3:// channel and uploads model.tar.gz and output.tar.gz to S3', async () => {
    const req = {
      ...trainingRequest('s3-train', `s3://${BUCKET}/models`, { mode: 'ok' }),
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: {
            S3DataSource: { S3Uri: `s3://${BUCKET}/data/train`, S3DataType: 'S3Prefix' as const },
          },
        },
      ],
    };
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 's3-train');
    expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    expect(d.ModelArtifacts!.S3ModelArtifacts).toBe(`s3://${BUCKET}/models/s3-train/output/model.tar.gz`);
    const keys = (await listObjectsArray(s3, `s3://${BUCKET}/models/s3-train/`)).map((o) => o.key);
    expect(keys.sort()).toEqual([
      'models/s3-train/output/model.tar.gz',
      'models/s3-train/output/output.tar.gz',
    ]);
    const tgz = join(h.tmp, 'model.tar.gz');
    await downloadFile(s3, d.ModelArtifacts!.S3ModelArtifacts!, tgz);
    const dir = join(h.tmp, 's3-model');
    await unpackArchive(tgz, dir);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(model.seen.train).toEqual(['nested/part-1.csv=3,4', 'part-0.csv=a,b\n1,2']);
  });

  it('gives a channel whose S3Prefix names one object that file, under its own name', async () => {
    const req = {
      ...trainingRequest('s3-one-object', `s3://${BUCKET}/models`, { mode: 'ok' }),
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: {
            S3DataSource: { S3Uri: `s3://${BUCKET}/data/train/part-0.csv`, S3DataType: 'S3Prefix' as const },
          },
        },
      ],
    };
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 's3-one-object');
    expect([d.TrainingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    const tgz = join(h.tmp, 'one-object.tar.gz');
    await downloadFile(s3, d.ModelArtifacts!.S3ModelArtifacts!, tgz);
    const dir = join(h.tmp, 'one-object-model');
    await unpackArchive(tgz, dir);
    expect(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).seen.train).toEqual([
      'part-0.csv=a,b\n1,2',
    ]);
  });

  it('runs a processing job: s3:// input downloaded, s3:// and file:// outputs written, ExitMessage set', async () => {
    const localOut = join(h.tmp, 'processed-local');
    await h.sm.send(new CreateProcessingJobCommand(processingRequest('proc-ok', localOut)));
    const d = await waitForProcessing(h.sm, 'proc-ok');
    expect([d.ProcessingJobStatus, d.FailureReason]).toEqual(['Completed', undefined]);
    expect(d.ExitMessage).toBe('processed 2 files');
    expect(d.ProcessingStartTime!.getTime()).toBeLessThanOrEqual(d.ProcessingEndTime!.getTime());
    expect(readFileSync(join(localOut, 'result.txt'), 'utf8')).toBe(
      'raw/nested/part-1.csv=3,4\nraw/part-0.csv=a,b\n1,2',
    );
    const target = join(h.tmp, 'proc-ok-result.txt');
    await downloadFile(s3, `s3://${BUCKET}/processed/proc-ok/result.txt`, target);
    expect(readFileSync(target, 'utf8')).toBe('raw/nested/part-1.csv=3,4\nraw/part-0.csv=a,b\n1,2');
  });

  it('uses file:// processing inputs in place and reports a failing exit code', async () => {
    const input = join(h.tmp, 'local-input');
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'x.txt'), 'local');
    const req = processingRequest('proc-fail', join(h.tmp, 'out-fail'), { Environment: { MODE: 'fail' } });
    req.ProcessingInputs[0].S3Input.S3Uri = pathToFileURL(input).href;
    await h.sm.send(new CreateProcessingJobCommand(req));
    const d = await waitForProcessing(h.sm, 'proc-fail');
    expect(d.ProcessingJobStatus).toBe('Failed');
    expect(d.FailureReason).toBe('AlgorithmError: See job logs for more information (exit code 2 on algo-1)');
    expect(d.ExitMessage).toBe('processed 1 files');
    expect(readFileSync(join(h.tmp, 'out-fail', 'result.txt'), 'utf8')).toBe('raw/x.txt=local');
  });

  it("never lets a job change its file:// inputs in the user's folder (process runtime: a private copy)", async () => {
    const input = join(h.tmp, 'precious');
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'data.csv'), 'original');
    const req = processingRequest('proc-tamper', join(h.tmp, 'out-tamper'), {
      Environment: { MODE: 'tamper' },
    });
    req.ProcessingInputs[0].S3Input.S3Uri = pathToFileURL(input).href;
    await h.sm.send(new CreateProcessingJobCommand(req));
    const d = await waitForProcessing(h.sm, 'proc-tamper');
    expect(d.ProcessingJobStatus).toBe('Completed');
    expect(await waitForLog(h.logs, 'ProcessingJobs', 'proc-tamper', 'tampered')).toEqual(['tampered']);
    expect(readdirSync(input)).toEqual(['data.csv']);
    expect(readFileSync(join(input, 'data.csv'), 'utf8')).toBe('original');
  });

  it('stops a processing job with SIGINT', async () => {
    await h.sm.send(
      new CreateProcessingJobCommand(
        processingRequest('proc-stop', join(h.tmp, 'out-stop'), { Environment: { MODE: 'sleep' } }),
      ),
    );
    await waitForLog(h.logs, 'ProcessingJobs', 'proc-stop', 'sleeping');
    await h.sm.send(new StopProcessingJobCommand({ ProcessingJobName: 'proc-stop' }));
    const d = await waitForProcessing(h.sm, 'proc-stop');
    expect(d.ProcessingJobStatus).toBe('Stopped');
    expect(await waitForLog(h.logs, 'ProcessingJobs', 'proc-stop', 'got SIGINT')).toEqual(['got SIGINT']);
  });

  it('fails a job whose s3:// input does not exist, with the reason', async () => {
    const req = {
      ...trainingRequest('s3-missing', `s3://${BUCKET}/models`),
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3Uri: 's3://no-such-bucket/x', S3DataType: 'S3Prefix' as const } },
        },
      ],
    };
    await h.sm.send(new CreateTrainingJobCommand(req));
    const d = await waitForTraining(h.sm, 's3-missing');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(d.FailureReason).toMatch(/^ClientError: .*bucket/i);
  });
});
