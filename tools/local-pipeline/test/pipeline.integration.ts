import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import { runLayout } from '@mlops/pipeline-core';
import { keysUnder, withLocalS3 } from './support/local-s3';
import { CONFIG_DIR, makeTestEnv, portIsOpen, RunResult, runMain, TestEnv } from './support/workspace';

/** The main job end to end on the process runtime, for every model of configs/local.yaml. */
describe('main job on the process runtime', () => {
  const runId = `it-${Date.now().toString(36)}`;
  let t: TestEnv;
  let config: MlopsConfig;
  let result: RunResult;
  let db: DbAdapter;

  beforeAll(async () => {
    t = await makeTestEnv('lp-it-');
    config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    result = await runMain(['--runtime', 'process', '--run-id', runId], t.env);
    // The timing decides whether this belongs in `npm test` (< 60 s): see the README.
    process.stdout.write(
      `main job (process runtime, ${Object.keys(config.models).length} models): ${result.ms} ms\n`,
    );
    db = await openDatabase(config.db);
  });

  afterAll(async () => {
    await db?.close();
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('exits 0, shows progress, the summary table and the report path', () => {
    if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
    expect(result.stdout).toContain('Runtime: process (requested');
    for (const model of Object.keys(config.models)) {
      for (const phase of ['collection', 'preprocess', 'training', 'evaluation', 'inference'])
        expect(result.stdout).toContain(`${model} · ${phase} ok in`);
      expect(result.stdout).toMatch(new RegExp(`^  ${model}/training │ `, 'm'));
    }
    expect(result.stdout).toMatch(/^model\s+phase\s+job\s+batch\s+job time\s+key metrics\s+verdict$/m);
    expect(result.stdout).toContain(`Report: ${t.reportDir}/run-${runId}.html`);
  });

  it('leaves nothing running: both stack ports are closed', async () => {
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });

  it('wrote every stage’s artifacts to the local S3', async () => {
    await withLocalS3(t.stateDir, async (s3) => {
      for (const [name, model] of Object.entries(config.models)) {
        const layout = runLayout(config.aws.bucket, model.s3Prefixes, runId);
        expect((await keysUnder(s3, layout.raw)).length).toBeGreaterThan(0);
        for (const split of ['train', 'validation', 'test'] as const)
          expect((await keysUnder(s3, layout.processed[split])).length).toBeGreaterThan(0);
        const models = await keysUnder(s3, layout.models);
        expect(models.filter((k) => k.endsWith('/output/model.tar.gz'))).toHaveLength(1);
        const evaluation = await keysUnder(s3, layout.evaluation);
        expect(evaluation.some((k) => k.endsWith('evaluation.json'))).toBe(true);
        expect(evaluation.some((k) => k.endsWith('.svg'))).toBe(true);
        expect((await keysUnder(s3, layout.inference)).length).toBeGreaterThan(0);
        expect(name).toBeTruthy();
      }
    });
  });

  it('recorded runs, one job per batch, evaluations, approved versions and inference runs', async () => {
    const runs = await db.listPipelineRuns({ runId });
    expect(runs).toHaveLength(Object.keys(config.models).length);
    for (const [name, model] of Object.entries(config.models)) {
      const [run] = await db.listPipelineRuns({ runId, modelName: name });
      expect(run.status).not.toBe('Failed');
      const jobs = await db.listJobs({ pipelineRunId: run.id });
      expect(jobs.map((j) => [j.batch, j.status])).toEqual([
        ['preprocess', 'Completed'],
        ['training', 'Completed'],
        ['evaluation', 'Completed'],
        ['inference', 'Completed'],
      ]);
      const [evaluation, ...more] = await db.listEvaluations({ pipelineRunId: run.id });
      expect(more).toEqual([]);
      expect(evaluation.verdict).toBe('Passed');
      if (model.task === 'classification') {
        expect(evaluation.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
      } else {
        expect(evaluation.metrics.rmse).toBeGreaterThan(0);
        expect(evaluation.metrics.rmse).toBeLessThan(6);
        expect(evaluation.metrics.r2).toBeGreaterThan(0.6);
      }
      const approved = await db.latestApprovedModelVersion(name);
      expect(approved?.id).toBe(evaluation.modelVersionId);
      const inference = await db.listInferenceRuns({ pipelineRunId: run.id });
      expect(inference).toHaveLength(1);
      expect(inference[0].modelVersionId).toBe(approved?.id);
      expect(inference[0].status).toBe('Completed');
      expect(inference[0].recordCount).toBeGreaterThan(0);
    }
  });

  it('wrote the HTML report with both models, their jobs and the inlined plots', () => {
    const file = `${t.reportDir}/run-${runId}.html`;
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    for (const name of Object.keys(config.models)) {
      expect(html).toContain(`Model ${name}`);
      expect(html).toContain(`${name}-training-${runId}`);
    }
    expect(html.match(/<img alt="evaluation plot /g)?.length).toBe(Object.keys(config.models).length);
    expect(html).toContain('data:image/svg+xml;base64,');
    expect(html).toContain('SUCCEEDED');
  });
});
