import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@mlops/db';
import { runBatch } from '@mlops/pipeline-core';
import { evaluation } from '../src/evaluation';

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
  dir = mkdtempSync(join(tmpdir(), 'evaluation-'));
  calls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dbPath = () => join(dir, 'mlops.sqlite');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const url = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
  const code = await runBatch(evaluation, {
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

describe('pipeline-evaluation', () => {
  it('--help explains the gate', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: pipeline-evaluation/);
    expect(r.out).toMatch(/the\s+model\s+version\s+becomes\s+Approved\s+or\s+Rejected/);
  });

  it('unknown model: exit 2, no DB, no call', async () => {
    const r = await run(['--model', 'ghost', '--run-id', 'e0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "ghost"/);
    expect(existsSync(dbPath())).toBe(false);
    expect(calls).toEqual([]);
  });

  it('no completed training job in the run: exit 2 naming the job, no call, no run row', async () => {
    const r = await run(['--model', 'iris', '--run-id', 'e1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /No completed training job for run e1 of model iris \(iris-training-e1: not recorded\)/,
    );
    expect(calls).toEqual([]);
    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      expect(await db.listPipelineRuns()).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('a training job that failed is not evaluated (exit 2)', async () => {
    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      const { run: row } = await db.createPipelineRun({
        runId: 'e2',
        modelName: 'iris',
        environment: 'local',
      });
      await db.upsertJob({
        sagemakerName: 'iris-training-e2',
        jobType: 'Training',
        batch: 'training',
        modelName: 'iris',
        pipelineRunId: row.id,
      });
      await db.updateJob('iris-training-e2', { status: 'Failed', failureReason: 'AlgorithmError' });
    } finally {
      await db.close();
    }
    const r = await run(['--model', 'iris', '--run-id', 'e2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/iris-training-e2: Failed\): run pipeline-training first/);
    expect(calls).toEqual([]);
  });
});
