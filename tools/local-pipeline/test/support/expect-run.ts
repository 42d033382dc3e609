import { existsSync, readFileSync } from 'node:fs';
import type { MlopsConfig } from '@mlops/config-reader';
import type { DbAdapter } from '@mlops/db';
import { runLayout } from '@mlops/pipeline-core';
import { keysUnder, withLocalS3 } from './local-s3';
import type { RunResult } from './workspace';

export const PHASE_NAMES = ['collection', 'preprocess', 'training', 'evaluation', 'inference'];

/** Exit 0, progress per phase with prefixed batch output, the summary table and the report path. */
export function expectSuccessfulOutput(result: RunResult, config: MlopsConfig, runId: string): void {
  if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
  for (const model of Object.keys(config.models)) {
    for (const phase of PHASE_NAMES) expect(result.stdout).toContain(`${model} · ${phase} ok in`);
    expect(result.stdout).toMatch(new RegExp(`^  ${model}/training │ `, 'm'));
  }
  expect(result.stdout).toMatch(/^model\s+phase\s+job\s+batch\s+job time\s+key metrics\s+verdict$/m);
  expect(result.stdout).toContain(`Report: ${config.reportDir}/run-${runId}.html`);
}

/** Every stage's output exists in the local S3 (read from the stack's data dir after it stopped). */
export async function expectArtifacts(config: MlopsConfig, runId: string, stateDir: string): Promise<void> {
  await withLocalS3(stateDir, async (s3) => {
    for (const model of Object.values(config.models)) {
      const layout = runLayout(config.aws.bucket, model.s3Prefixes, runId);
      expect((await keysUnder(s3, layout.raw)).length).toBeGreaterThan(0);
      for (const split of ['train', 'validation', 'test'] as const)
        expect((await keysUnder(s3, layout.processed[split])).length).toBeGreaterThan(0);
      const models = await keysUnder(s3, layout.models);
      expect(models.filter((k) => k.endsWith('/output/model.tar.gz'))).toHaveLength(1);
      const evaluation = await keysUnder(s3, layout.evaluation);
      expect(evaluation.filter((k) => /evaluation\.(json|svg)$/.test(k)).length).toBe(2);
      expect((await keysUnder(s3, layout.inference)).length).toBeGreaterThan(0);
    }
  });
}

/** Runs, one Completed job per batch, a passing evaluation with sane metrics, the approved version used by inference. */
export async function expectDbRows(db: DbAdapter, config: MlopsConfig, runId: string): Promise<void> {
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
    const evaluations = await db.listEvaluations({ pipelineRunId: run.id });
    expect(evaluations).toHaveLength(1);
    const [evaluation] = evaluations;
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
}

/** The HTML report names every model and its jobs, inlines one plot per model, and says SUCCEEDED. */
export function expectReport(config: MlopsConfig, runId: string): void {
  const file = `${config.reportDir}/run-${runId}.html`;
  expect(existsSync(file)).toBe(true);
  const html = readFileSync(file, 'utf8');
  for (const name of Object.keys(config.models)) {
    expect(html).toContain(`Model ${name}`);
    expect(html).toContain(`${name}-training-${runId}`);
  }
  expect(html.match(/<img alt="evaluation plot /g)?.length).toBe(Object.keys(config.models).length);
  expect(html).toContain('data:image/svg+xml;base64,');
  expect(html).toContain('SUCCEEDED');
}
