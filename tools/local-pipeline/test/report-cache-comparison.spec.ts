import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbAdapter, DbConfig, openDatabase } from '@mlops/db';
import { checkThresholds } from '@mlops/pipeline-core';
import { buildReport } from '../src/report/build-report';

const KEY = 'f'.repeat(64);

/** One run of iris through the db-adapter API: four jobs, a model version and its evaluation. */
async function seedRun(
  db: DbAdapter,
  runId: string,
  opts: { metrics: Record<string, number>; reusedFrom?: string },
): Promise<void> {
  const { run } = await db.createPipelineRun({ runId, modelName: 'iris', environment: 'local' });
  for (const [batch, jobType] of [
    ['preprocess', 'Processing'],
    ['training', 'Training'],
    ['evaluation', 'Processing'],
  ] as const) {
    const name = `iris-${batch}-${runId}`;
    await db.upsertJob({ sagemakerName: name, jobType, batch, modelName: 'iris', pipelineRunId: run.id });
    await db.updateJob(name, { status: 'Completed', startedAt: new Date(), endedAt: new Date() });
    // The preprocess step of the later run reused the earlier run's outputs.
    const source =
      batch === 'preprocess' && opts.reusedFrom ? `iris-preprocess-${opts.reusedFrom}` : undefined;
    await db.recordStepCache({ cacheKey: KEY, jobName: name, sourceJobName: source, outputs: {} });
  }
  const version = await db.createModelVersion({
    modelName: 'iris',
    artifactUri: `s3://bucket/iris/${runId}/models/model.tar.gz`,
    trainingJobName: `iris-training-${runId}`,
  });
  await db.recordEvaluation({
    modelVersionId: version.id,
    metrics: opts.metrics,
    ...checkThresholds(opts.metrics, [{ metric: 'accuracy', op: '>=', value: 0.9 }]),
    jobName: `iris-evaluation-${runId}`,
    pipelineRunId: run.id,
  });
}

describe('report: cached steps and the comparison with the approved version', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'lp-report-cache-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  async function report(dbConfig: DbConfig, runId: string, reportDir: string) {
    return buildReport({
      db: dbConfig,
      // No plot artifacts are recorded, so S3 is never asked.
      s3: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true },
      reportDir,
      runId,
      env: 'local',
      runtime: 'process',
      models: ['iris'],
      batches: [],
      wallTimeMs: 1,
    });
  }

  it('marks reused jobs "cached (from <job>)" and compares with the version approved before the gate', async () => {
    const dbConfig: DbConfig = { type: 'sqlite', path: join(tmp, 'mlops.sqlite') };
    const reportDir = join(tmp, 'reports');
    mkdirSync(reportDir);
    writeFileSync(join(reportDir, 'run-r1.html'), '<!doctype html>');
    const db = await openDatabase(dbConfig);
    try {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      await seedRun(db, 'r1', { metrics: { accuracy: 0.9, f1: 0.88 } });
      await seedRun(db, 'r2', { metrics: { accuracy: 0.95, f1: 0.86 }, reusedFrom: 'r1' });
    } finally {
      await db.close();
    }

    const { path, data } = await report(dbConfig, 'r2', reportDir);
    const html = readFileSync(path, 'utf8');
    const iris = data.models[0];
    expect(iris.cached).toEqual([
      { jobName: 'iris-preprocess-r2', sourceJobName: 'iris-preprocess-r1', sourceRunId: 'r1' },
    ]);
    // Exactly one badge, on the reused job's row.
    expect(html.match(/class="cached"/g)).toHaveLength(1);
    expect(html).toMatch(
      /<code>iris-preprocess-r2<\/code>.*?<span class="cached" data-cached-from="iris-preprocess-r1"[^>]*>cached \(from iris-preprocess-r1\)<\/span>/,
    );

    expect(iris.comparison?.baseline).toEqual({ version: 1, runId: 'r1', reportFile: 'run-r1.html' });
    expect(iris.comparison?.current).toMatchObject({
      version: 2,
      verdict: 'Passed',
      approvalStatus: 'Approved',
    });
    const section = /<section class="comparison">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    expect(section).toContain('Gate: <b class="ok">Passed</b> → version 2 Approved');
    expect(section).toContain('<a class="earlier-report" href="run-r1.html">report of run r1</a>');
    expect(section).toContain('<th>v1 (approved)</th><th>v2 (this run)</th><th>Δ</th>');
    expect(section).toMatch(
      /<td>accuracy<\/td><td class="num">0.9<\/td><td class="num">0.95<\/td><td class="num delta-up">\+0.05<\/td>/,
    );
    expect(section).toMatch(
      /<td>f1<\/td><td class="num">0.88<\/td><td class="num">0.86<\/td><td class="num delta-down">-0.02<\/td>/,
    );
  });

  it('says so when no version was approved before, and when the earlier report is missing', async () => {
    const dbConfig: DbConfig = { type: 'sqlite', path: join(tmp, 'first.sqlite') };
    const db = await openDatabase(dbConfig);
    try {
      await db.upsertModel({ name: 'iris', team: 'team-a', task: 'classification' });
      await seedRun(db, 'r1', { metrics: { accuracy: 0.92 } });
      await seedRun(db, 'r2', { metrics: { accuracy: 0.93 } });
    } finally {
      await db.close();
    }
    const first = readFileSync((await report(dbConfig, 'r1', join(tmp, 'reports'))).path, 'utf8');
    expect(first).toContain('No version of this model was approved before this run');
    expect(first).not.toContain('class="cached"');
    const second = readFileSync((await report(dbConfig, 'r2', join(tmp, 'elsewhere'))).path, 'utf8');
    expect(second).toContain('no report of run r1 in this directory');
    expect(second).not.toContain('earlier-report');
  });
});
