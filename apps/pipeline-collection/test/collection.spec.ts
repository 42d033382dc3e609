import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import { openDatabase } from '@mlops/db';
import { datasetVersion, readS3Text, runBatch } from '@mlops/pipeline-core';
import S3rver from 's3rver';
import { collection } from '../src/collection';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const BUCKET = 'mlops-local'; // the shipped local config's bucket

let dir: string;
let s3rver: S3rver;
let s3Endpoint: string;
const sagemakerCalls: string[] = [];
const sagemaker = createServer((req, res) => {
  sagemakerCalls.push(String(req.headers['x-amz-target']));
  res.statusCode = 500;
  res.end();
});

beforeAll(async () => {
  // The SDK reads credentials from the process environment (s3rver's public test pair, not a secret).
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'collection-s3-')),
    configureBuckets: [{ name: BUCKET }],
  });
  s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  await new Promise<void>((r) => sagemaker.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  s3rver.httpServer?.closeAllConnections();
  await s3rver.close();
  await new Promise((r) => sagemaker.close(r));
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collection-'));
  mkdirSync(join(dir, 'data', 'iris'), { recursive: true });
  writeFileSync(join(dir, 'data', 'iris', 'iris.csv'), 'a,b,label\n1,2,x\n3,4,y\n');
  sagemakerCalls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dbPath = () => join(dir, 'mlops.sqlite');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sm = `http://127.0.0.1:${(sagemaker.address() as AddressInfo).port}`;
  const code = await runBatch(collection, {
    argv: [...argv, '--config-dir', join(REPO_ROOT, 'configs')],
    cwd: REPO_ROOT,
    env: {
      MLOPS__DB__PATH: dbPath(),
      MLOPS__AWS__ENDPOINTS__S3: s3Endpoint,
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: sm,
      MLOPS__AWS__ENDPOINTS__LOGS: sm,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const s3 = () =>
  createS3Client({
    region: 'us-east-1',
    endpoint: s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

describe('pipeline-collection', () => {
  it('--help documents --data-dir and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-collection/);
    expect(r.out).toMatch(/--data-dir <dir>.*\(default: <workspace>\/data\)/);
    expect(r.out).toMatch(/Exit codes: 0 ok, 1 job failed, 2 bad input/);
  });

  it('unknown model: exit 2, no DB row, no upload', async () => {
    const r = await run(['--model', 'nope', '--run-id', 'c0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "nope"/);
    expect(existsSync(dbPath())).toBe(false);
    expect(await listObjectsArray(s3(), `s3://${BUCKET}/`)).toEqual([]);
  });

  it('a missing builtin data dir: exit 2 naming the directory, nothing written', async () => {
    const r = await run(['--model', 'iris', '--run-id', 'c1', '--data-dir', join(dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(dir, 'missing', 'iris'));
    expect(existsSync(dbPath())).toBe(false);
    expect(await listObjectsArray(s3(), `s3://${BUCKET}/iris/c1/`)).toEqual([]);
  });

  it('copies builtin data to the run raw prefix and records its dataset version; reruns are idempotent', async () => {
    const expectedVersion = await datasetVersion([
      { path: join(dir, 'data', 'iris', 'iris.csv'), name: 'iris.csv' },
    ]);
    const first = await run(['--model', 'iris', '--run-id', 'c2', '--data-dir', join(dir, 'data')]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(expectedVersion);
    expect((await listObjectsArray(s3(), `s3://${BUCKET}/iris/c2/raw/`)).map((o) => o.key)).toEqual([
      'iris/c2/raw/iris.csv',
    ]);
    const again = await run(['--model', 'iris', '--run-id', 'c2', '--data-dir', join(dir, 'data')]);
    expect(again.code).toBe(0);

    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      const run = await db.getPipelineRun('c2', 'iris');
      const artifacts = await db.listArtifacts({ pipelineRunId: run?.id });
      expect(artifacts.map((a) => [a.kind, a.uri])).toEqual([['raw-data', `s3://${BUCKET}/iris/c2/raw/`]]);
      expect(artifacts[0].metadata).toMatchObject({
        datasetVersion: expectedVersion,
        source: 'builtin:iris',
      });
    } finally {
      await db.close();
    }
    expect(sagemakerCalls).toEqual([]);
  });

  it('refuses (exit 2) to mix a changed dataset into a run that already collected another', async () => {
    expect((await run(['--model', 'iris', '--run-id', 'c3', '--data-dir', join(dir, 'data')])).code).toBe(0);
    writeFileSync(join(dir, 'data', 'iris', 'iris.csv'), 'a,b,label\n9,9,z\n');
    const r = await run(['--model', 'iris', '--run-id', 'c3', '--data-dir', join(dir, 'data')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds dataset version .* use a new --run-id/);
    // Refused before uploading: the run's raw data is still the first dataset.
    expect(await readS3Text(s3(), `s3://${BUCKET}/iris/c3/raw/iris.csv`)).toBe('a,b,label\n1,2,x\n3,4,y\n');
  });
});
