import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@mlops/db';
import { runBatch } from '@mlops/pipeline-core';
import S3rver from 's3rver';
import { preprocess } from '../src/preprocess';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

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
    directory: mkdtempSync(join(tmpdir(), 'preprocess-s3-')),
    configureBuckets: [{ name: 'mlops-local' }],
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
  dir = mkdtempSync(join(tmpdir(), 'preprocess-'));
  sagemakerCalls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sm = `http://127.0.0.1:${(sagemaker.address() as AddressInfo).port}`;
  const code = await runBatch(preprocess, {
    argv: [...argv, '--config-dir', join(REPO_ROOT, 'configs')],
    cwd: REPO_ROOT,
    env: {
      MLOPS__DB__PATH: join(dir, 'mlops.sqlite'),
      MLOPS__AWS__ENDPOINTS__S3: s3Endpoint,
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: sm,
      MLOPS__AWS__ENDPOINTS__LOGS: sm,
    },
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pipeline-preprocess', () => {
  it('--help prints usage and exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-preprocess \(--model <name> \| --all-models\) --run-id <id>/);
    expect(r.out).toMatch(/preprocess\s+ProcessingJob/);
  });

  it('unknown model: exit 2, no DB, no job', async () => {
    const r = await run(['--model', 'ghost', '--run-id', 'p1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "ghost"/);
    expect(existsSync(join(dir, 'mlops.sqlite'))).toBe(false);
    expect(sagemakerCalls).toEqual([]);
  });

  it('no raw data for the run: exit 2 pointing at collection, no job and no run row', async () => {
    const r = await run(['--model', 'iris', '--run-id', 'p2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No raw data at s3:\/\/mlops-local\/iris\/p2\/raw\/: run pipeline-collection/);
    expect(sagemakerCalls).toEqual([]);
    const db = await openDatabase({ type: 'sqlite', path: join(dir, 'mlops.sqlite') });
    try {
      expect(await db.listPipelineRuns()).toEqual([]);
      expect(await db.listJobs()).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
