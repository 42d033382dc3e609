// What an attacker on the same machine (or a web page it serves) could send to the local stack. Each case
// is a probe that used to succeed: an unsigned request that runs a container as root, a DNS-rebinding Host,
// a cross-origin form, anonymous or path-escaping S3 writes.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  CreateTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '@mlops/aws';
import { loadOrCreateCredentials } from '../src/auth/credentials';
import { BUCKET, Harness, ROLE, startHarness, trainingRequest, waitForTraining } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A raw HTTP request, exactly as given (no client normalises the path or adds a signature). */
function raw(
  endpoint: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: opts.method, path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const createBody = JSON.stringify({
  TrainingJobName: 'pwned',
  RoleArn: ROLE,
  AlgorithmSpecification: {
    TrainingImage: 'fixture-job:latest',
    TrainingInputMode: 'File',
    ContainerEntrypoint: ['bash', '-c', 'id > /tmp/pwned'],
  },
  OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/out` },
  ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
  StoppingCondition: { MaxRuntimeInSeconds: 60 },
});
const jsonHeaders = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'SageMaker.CreateTrainingJob',
};

async function jobNames(): Promise<string[]> {
  const res = await h.sm.send(new ListTrainingJobsCommand({}));
  return (res.TrainingJobSummaries ?? []).map((s) => s.TrainingJobName!);
}

describe('the SageMaker / Logs API', () => {
  it('refuses an unsigned request, and no job is created', async () => {
    const res = await raw(h.emulator.endpoint, {
      method: 'POST',
      path: '/',
      headers: jsonHeaders,
      body: createBody,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).__type).toBe('MissingAuthenticationTokenException');
    expect(await jobNames()).not.toContain('pwned');
  });

  it('refuses another key pair, and the right key id with a wrong secret', async () => {
    for (const [credentials, type] of [
      [{ accessKeyId: 'AKIAOTHER0000000000', secretAccessKey: 'x' }, 'UnrecognizedClientException'],
      [
        { accessKeyId: h.emulator.credentials.accessKeyId, secretAccessKey: 'wrong' },
        'InvalidSignatureException',
      ],
    ] as const) {
      const sm = new SageMakerClient({
        endpoint: h.emulator.endpoint,
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
      });
      await expect(sm.send(new ListTrainingJobsCommand({}))).rejects.toMatchObject({ name: type });
      sm.destroy();
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a browser Origin before reading the request', async () => {
    const port = new URL(h.emulator.endpoint).port;
    const rebinding = await raw(h.emulator.endpoint, {
      method: 'POST',
      path: '/',
      headers: { ...jsonHeaders, host: `attacker.example:${port}` },
      body: createBody,
    });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.body)).toMatchObject({ __type: 'AccessDeniedException' });
    const crossOrigin = await raw(h.emulator.endpoint, {
      method: 'POST',
      path: '/',
      headers: { ...jsonHeaders, origin: 'http://attacker.example' },
      body: createBody,
    });
    expect(crossOrigin.status).toBe(403);
    expect(JSON.parse(crossOrigin.body).message).toMatch(/cross-origin/);
    expect(await jobNames()).not.toContain('pwned');
  });
});

describe('the embedded S3', () => {
  let s3: S3Client;
  beforeAll(() => {
    s3 = createS3Client({
      region: 'us-east-1',
      endpoint: h.emulator.s3Endpoint,
      forcePathStyle: true,
      credentials: h.emulator.credentials,
    });
  });
  afterAll(() => s3.destroy());
  const dataDir = () => join(h.stateDir, 's3');
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());

  it('serves the stack key, and refuses anonymous reads and writes', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'ok/a.txt', Body: 'a' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'ok/a.txt' }));
    expect(await got.Body!.transformToString()).toBe('a');
    const get = await raw(h.emulator.s3Endpoint!, { method: 'GET', path: `/${BUCKET}/ok/a.txt` });
    expect(get.status).toBe(403);
    expect(get.body).toContain('<Code>AccessDenied</Code>');
    const put = await raw(h.emulator.s3Endpoint!, { method: 'PUT', path: `/${BUCKET}/anon.txt`, body: 'x' });
    expect(put.status).toBe(403);
    expect(filesUnder(dataDir()).some((f) => f.includes('anon'))).toBe(false);
  });

  it('refuses keys with .. segments, raw or %2F-encoded, and writes nothing outside its folder', async () => {
    const outside = join(h.stateDir, '..', 'escaped');
    const signed = {
      authorization: `AWS4-HMAC-SHA256 Credential=${h.emulator.credentials.accessKeyId}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
    };
    for (const path of [
      `/${BUCKET}/train/../../../../escaped`,
      `/${BUCKET}/train%2F..%2F..%2F..%2F..%2Fescaped`,
    ]) {
      const res = await raw(h.emulator.s3Endpoint!, { method: 'PUT', path, headers: signed, body: 'x' });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body).toContain('<Code>InvalidArgument</Code>');
    }
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/../../../../escaped', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(join(h.stateDir, 'escaped'))).toBe(false);
  });

  it('refuses a browser form POST and any cross-origin request', async () => {
    const form = await raw(h.emulator.s3Endpoint!, {
      method: 'POST',
      path: `/${BUCKET}`,
      headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://attacker.example' },
      body: '--x\r\nContent-Disposition: form-data; name="key"\r\n\r\nform.txt\r\n--x--\r\n',
    });
    expect(form.status).toBe(403);
    expect(filesUnder(dataDir()).some((f) => f.includes('form'))).toBe(false);
  });
});

describe('job requests', () => {
  it("refuses a channel named '..' at Create, before anything is laid out", async () => {
    const req = {
      ...trainingRequest('dotdot-channel', `s3://${BUCKET}/out`),
      InputDataConfig: [
        {
          ChannelName: '..',
          DataSource: { S3DataSource: { S3Uri: `s3://${BUCKET}/ok`, S3DataType: 'S3Prefix' as const } },
        },
      ],
    };
    await expect(h.sm.send(new CreateTrainingJobCommand(req))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('inputDataConfig.1.member.channelName'),
    });
    expect(await jobNames()).not.toContain('dotdot-channel');
  });

  it('keeps an S3OutputPath with .. segments inside the S3 data folder: the upload is refused, the job fails', async () => {
    await h.sm.send(
      new CreateTrainingJobCommand(
        trainingRequest('dotdot-output', `s3://${BUCKET}/a/../../../../escaped-model`, { mode: 'ok' }),
      ),
    );
    const d = await waitForTraining(h.sm, 'dotdot-output');
    expect(d.TrainingJobStatus).toBe('Failed');
    expect(existsSync(join(h.stateDir, '..', 'escaped-model'))).toBe(false);
    expect(existsSync(join(h.stateDir, 'escaped-model'))).toBe(false);
  });
});

describe('the credentials file', () => {
  it('is created 0600 in the state dir and reused; a file others can read is refused', () => {
    const file = join(h.stateDir, 'credentials');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { accessKeyId, secretAccessKey } = h.emulator.credentials;
    expect(loadOrCreateCredentials(h.stateDir)).toEqual({ accessKeyId, secretAccessKey });
    const dir = join(h.tmp, 'leaky');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'credentials'),
      '[mlops-local]\naws_access_key_id = A\naws_secret_access_key = B\n',
    );
    chmodSync(join(dir, 'credentials'), 0o644);
    expect(() => loadOrCreateCredentials(dir)).toThrow(/readable by others \(mode 644\)/);
  });
});
