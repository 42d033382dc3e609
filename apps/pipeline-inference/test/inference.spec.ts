import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DbAdapter, openDatabase } from '@mlops/db';
import { runBatch } from '@mlops/pipeline-core';
import { countCsvRecords, inference } from '../src/inference';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

let dir: string;
const calls: string[] = [];
// Stands in for every AWS endpoint: any request at all would show up here.
const aws = createServer((req, res) => {
  calls.push(`${req.method} ${req.url} ${String(req.headers['x-amz-target'] ?? '')}`);
  res.statusCode = 500;
  res.end();
});
beforeAll(() => new Promise<void>((r) => aws.listen(0, '127.0.0.1', r)));
afterAll(() => new Promise((r) => aws.close(r)));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inference-'));
  calls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dbPath = () => join(dir, 'mlops.sqlite');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const url = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
  const code = await runBatch(inference, {
    argv: [...argv, '--config-dir', join(REPO_ROOT, 'configs')],
    cwd: REPO_ROOT,
    env: {
      MLOPS__DB__PATH: dbPath(),
      MLOPS__AWS__ENDPOINTS__S3: url,
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: url,
      MLOPS__AWS__ENDPOINTS__LOGS: url,
    },
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withDb<T>(fn: (db: DbAdapter) => Promise<T>): Promise<T> {
  const db = await openDatabase({ type: 'sqlite', path: dbPath() });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('pipeline-inference', () => {
  it('--help documents --input and the refusal', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--input <s3-uri>.*\(default: the run's test split\)/);
    expect(r.out).toMatch(/Refuses \(exit 2\)\s+when\s+no\s+version\s+is\s+approved/);
  });

  it('unknown model: exit 2, no DB, no call', async () => {
    const r = await run(['--model', 'ghost', '--run-id', 'i0']);
    expect(r.code).toBe(2);
    expect(existsSync(dbPath())).toBe(false);
    expect(calls).toEqual([]);
  });

  it('no approved model version: refuses with exit 2, no job, no run row, no call', async () => {
    // A model with only a rejected and a pending version: neither may be used.
    await withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const v1 = await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v1/model.tar.gz' });
      await db.recordEvaluation({
        modelVersionId: v1.id,
        metrics: { accuracy: 0.5 },
        thresholds: [{ metric: 'accuracy', op: '>=', value: 0.9 }],
      });
      await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v2/model.tar.gz' });
    });
    const r = await run(['--model', 'iris', '--run-id', 'i1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No approved version of model "iris": run pipeline-evaluation first/);
    expect(calls).toEqual([]);
    await withDb(async (db) => {
      expect(await db.listPipelineRuns()).toEqual([]);
      expect(await db.listJobs()).toEqual([]);
      expect(await db.listInferenceRuns()).toEqual([]);
    });
  });

  it('an invalid --input is refused before any call, even with an approved model', async () => {
    await withDb(async (db) => {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const v = await db.createModelVersion({ modelName: 'iris', artifactUri: 's3://b/v1/model.tar.gz' });
      await db.recordEvaluation({
        modelVersionId: v.id,
        metrics: { accuracy: 0.95 },
        thresholds: [{ metric: 'accuracy', op: '>=', value: 0.9 }],
      });
    });
    const r = await run(['--model', 'iris', '--run-id', 'i2', '--input', 'ftp://elsewhere/data.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CreateProcessingJob request is invalid/);
    expect(r.err).toContain('ftp://elsewhere/data.csv');
    expect(calls).toEqual([]);
  });
});

describe('countCsvRecords', () => {
  it('counts data rows after the header, ignoring blank lines', () => {
    expect(countCsvRecords('id,pred\n1,a\n2,b\n\n')).toBe(2);
    expect(countCsvRecords('id,pred\r\n1,a\r\n')).toBe(1);
    expect(countCsvRecords('')).toBe(0);
  });
});
