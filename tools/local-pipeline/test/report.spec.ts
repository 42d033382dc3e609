import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '@mlops/aws';
import { DbConfig, openDatabase } from '@mlops/db';
import S3rver from '@20minutes/s3rver';
import type { BatchResult } from '../src/batches/run-batch';
import { buildReport } from '../src/report/build-report';

// s3rver's fixed public test pair, not a secret.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'report-bucket';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

function batch(model: string, phase: BatchResult['phase'], exitCode = 0): BatchResult {
  return { model, phase, exitCode, signal: null, durationMs: 1500, lastErrorLines: exitCode ? ['boom'] : [] };
}

/** Seeds what the five batches would record for a run, through the db-adapter API only. */
async function seedRun(config: DbConfig, runId: string): Promise<void> {
  const db = await openDatabase(config);
  try {
    await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
    const { run } = await db.createPipelineRun({ runId, modelName: 'iris', environment: 'local' });
    const t0 = new Date('2026-11-26T06:00:00Z');
    const t1 = new Date('2026-11-26T06:00:04Z');
    for (const [batchName, jobType] of [
      ['preprocess', 'Processing'],
      ['training', 'Training'],
      ['evaluation', 'Processing'],
      ['inference', 'Processing'],
    ] as const) {
      const name = `iris-${batchName}-${runId}`;
      await db.upsertJob({
        sagemakerName: name,
        jobType,
        batch: batchName,
        modelName: 'iris',
        pipelineRunId: run.id,
      });
      await db.updateJob(name, {
        status: 'Completed',
        startedAt: t0,
        endedAt: t1,
        metrics: batchName === 'training' ? { 'validation:accuracy': 0.96667 } : null,
      });
    }
    const version = await db.createModelVersion({
      modelName: 'iris',
      artifactUri: `s3://${BUCKET}/iris/${runId}/models/model.tar.gz`,
      trainingJobName: `iris-training-${runId}`,
    });
    await db.recordArtifact({
      uri: `s3://${BUCKET}/iris/${runId}/evaluation/evaluation.svg`,
      kind: 'plot',
      modelName: 'iris',
      producedByJob: `iris-evaluation-${runId}`,
      pipelineRunId: run.id,
    });
    await db.recordEvaluation({
      modelVersionId: version.id,
      metrics: { accuracy: 0.9667, f1: 0.96 },
      checks: [{ metric: 'accuracy', op: '>=', value: 0.9, actual: 0.9667, passed: true }],
      verdict: 'Passed',
      jobName: `iris-evaluation-${runId}`,
      pipelineRunId: run.id,
    });
    await db.recordInferenceRun({
      modelVersionId: version.id,
      inputUri: `s3://${BUCKET}/iris/${runId}/processed/test/`,
      outputUri: `s3://${BUCKET}/iris/${runId}/inference/`,
      jobName: `iris-inference-${runId}`,
      pipelineRunId: run.id,
      status: 'Completed',
      recordCount: 30,
    });
    // A model whose run failed before writing anything but its pipeline run, with hostile text.
    await db.upsertModel({ name: 'mpg', team: 'team-b', task: 'regression' });
    const failed = await db.createPipelineRun({ runId, modelName: 'mpg', environment: 'local' });
    await db.upsertJob({
      sagemakerName: `mpg-preprocess-${runId}`,
      jobType: 'Processing',
      batch: 'preprocess',
      modelName: 'mpg',
      pipelineRunId: failed.run.id,
    });
    await db.updateJob(`mpg-preprocess-${runId}`, {
      status: 'Failed',
      failureReason: 'AlgorithmError: raw.csv line 3: <b>not a number</b>',
    });
    await db.finishPipelineRun(failed.run.id, 'Failed', 'preprocess failed');
  } finally {
    await db.close();
  }
}

// Real SQLite + S3 server on a shared 2-core machine: allow for load, not for hangs.
jest.setTimeout(30_000);

describe('buildReport (SQLite + s3rver)', () => {
  let tmp: string;
  let s3rver: S3rver;
  let endpoint: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lp-report-'));
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory: join(tmp, 's3'),
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await s3rver.run();
    endpoint = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    s3rver.httpServer?.closeAllConnections();
    await s3rver.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a report with jobs, metrics, verdicts, the inlined plot and the failure, HTML-escaped', async () => {
    const runId = 'r20261126-060000';
    const db: DbConfig = { type: 'sqlite', path: join(tmp, 'mlops.sqlite') };
    await seedRun(db, runId);
    const s3Config = { region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS };
    const s3 = createS3Client(s3Config);
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `iris/${runId}/evaluation/evaluation.svg`, Body: SVG }),
    );
    s3.destroy();

    const batches = [
      ...(['collection', 'preprocess', 'training', 'evaluation', 'inference'] as const).map((p) =>
        batch('iris', p),
      ),
      batch('mpg', 'collection'),
      batch('mpg', 'preprocess', 1),
    ];
    const { path, data } = await buildReport({
      db,
      s3: s3Config,
      reportDir: join(tmp, 'reports'),
      runId,
      env: 'local',
      runtime: 'process',
      models: ['iris', 'mpg'],
      batches,
      wallTimeMs: 12_345,
    });

    expect(path).toBe(join(tmp, 'reports', `run-${runId}.html`));
    const html = readFileSync(path, 'utf8');
    expect(data.models.map((m) => [m.model, m.jobs.length, m.run?.status])).toEqual([
      ['iris', 4, 'Running'],
      ['mpg', 1, 'Failed'],
    ]);
    expect(data.plots).toHaveLength(1);
    expect(data.plotErrors).toEqual([]);
    expect(html).toContain(`data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`);
    expect(html).toContain('Model iris');
    expect(html).toContain('Model mpg');
    expect(html).toContain(`iris-training-${runId}`);
    expect(html).toContain('validation:accuracy=0.9667');
    expect(html).toContain('Passed → v1 Approved');
    expect(html).toContain('records=30');
    expect(html).toContain('accuracy &gt;= 0.9');
    expect(html).toContain('AlgorithmError: raw.csv line 3: &lt;b&gt;not a number&lt;/b&gt;');
    expect(html).not.toContain('<b>not a number</b>');
    expect(html).toContain('FAILED');
    expect(html).toContain('12.3s');
    expect(html).not.toMatch(/<script/i);
  });

  it('reports a missing plot instead of failing', async () => {
    const runId = 'r20261126-070000';
    const db: DbConfig = { type: 'sqlite', path: join(tmp, 'other.sqlite') };
    await seedRun(db, runId);
    const { data, path } = await buildReport({
      db,
      s3: { region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS },
      reportDir: join(tmp, 'reports'),
      runId,
      env: 'local',
      runtime: 'process',
      models: ['iris'],
      batches: [],
      wallTimeMs: 1,
    });
    expect(data.plots).toEqual([]);
    expect(data.plotErrors).toEqual([
      expect.stringMatching(new RegExp(`^iris: s3://${BUCKET}/iris/${runId}/evaluation/evaluation.svg: `)),
    ]);
    expect(readFileSync(path, 'utf8')).toContain('Plots not available');
  });
});
