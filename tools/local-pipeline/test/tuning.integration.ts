import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import { renderInChromium } from './support/screenshot';
import { makeTestEnv, REPO_ROOT, RunResult, runMain, TestEnv } from './support/workspace';

const FIXTURE = join(__dirname, 'fixtures', 'tuning');

/**
 * `--models iris` with `training.tuning` configured (fixtures/tuning/local.yaml), on the process runtime
 * against the embedded local stack: the tuning job runs every trial, the best trial's model becomes the
 * model version, the DB holds every trial and the metric series, and the report shows them.
 */
describe('main job with tuning on the process runtime', () => {
  const runId = `tune-${Date.now().toString(36)}`;
  let t: TestEnv;
  let config: MlopsConfig;
  let result: RunResult;
  let db: DbAdapter;

  beforeAll(async () => {
    t = await makeTestEnv('lp-tune-');
    config = loadConfig({ env: 'local', configDir: FIXTURE, processEnv: t.env });
    result = await runMain(['--runtime', 'process', '--models', 'iris', '--run-id', runId], t.env, FIXTURE);
    db = await openDatabase(config.db);
  });

  afterAll(async () => {
    await db?.close();
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('finishes (exit 0) with one progress line per trial and the best trial', () => {
    if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
    const tuningJob = `iris-tune-${runId}`;
    expect(result.stdout).toContain(`${tuningJob}: tuning job started`);
    expect(result.stdout).toMatch(
      new RegExp(`${tuningJob}: trial ${tuningJob}-001-\\w+ Completed objective=`),
    );
    expect(result.stdout).toMatch(/best trial iris-tune-\S+ objective=/);
    // The summary's training row is the best trial only (the model's job), with its metrics.
    const row = result.stdout.split('\n').find((l) => /^iris\s+training\s/.test(l));
    expect(row).toMatch(/^iris\s+training\s+iris-tune-\S+-\d{3}-[0-9a-f]{8}\s.*validation:accuracy=/);
  });

  it('records every trial with its tuned hyperparameters and objective; the best one is the model version', async () => {
    const run = (await db.listPipelineRuns({ runId, modelName: 'iris' }))[0];
    const trials = await db.listTuningTrials({ pipelineRunId: run.id });
    expect(trials).toHaveLength(4);
    for (const trial of trials) {
      expect(Object.keys(trial.hyperparameters).sort()).toEqual(['maxDepth', 'maxFeatures']);
      expect(Number(trial.hyperparameters.maxDepth)).toBeGreaterThanOrEqual(1);
      expect(Number(trial.hyperparameters.maxDepth)).toBeLessThanOrEqual(6);
      expect(trial.objectiveValue).toEqual(expect.any(Number));
    }
    const best = trials.filter((x) => x.best);
    expect(best).toHaveLength(1);
    expect(best[0].objectiveValue).toBe(Math.max(...trials.map((x) => x.objectiveValue as number)));
    const versions = await db.listModelVersions('iris');
    expect(versions.at(-1)?.trainingJobId).toBe(best[0].jobId);
    const jobs = await db.listJobs({ pipelineRunId: run.id });
    const trialJobs = jobs.filter((j) => trials.some((x) => x.jobId === j.id));
    expect(trialJobs.map((j) => j.status)).toEqual(['Completed', 'Completed', 'Completed', 'Completed']);
    // Learning curves: one point per round and metric (50 trees, 10 per round → 5 rounds × 2 metrics).
    const points = await db.listMetricPoints([best[0].jobId]);
    expect(points.filter((p) => p.metric === 'validation:accuracy').map((p) => p.step)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(points.filter((p) => p.metric === 'train:accuracy')).toHaveLength(5);
  });

  it('the report shows the trials table, a scatter per tuned hyperparameter, curves, hyperparameters and logs', () => {
    const html = readFileSync(join(t.reportDir, `run-${runId}.html`), 'utf8');
    expect(html.match(/<tr class="trial/g)).toHaveLength(4);
    expect(html.match(/<tr class="trial best"/g)).toHaveLength(1);
    expect(html.match(/<figure class="scatter">/g)).toHaveLength(2);
    // Curves for each trial: 2 metrics × 5 points.
    expect(html.match(/<figure class="curve"/g)).toHaveLength(4);
    expect(html).toContain('data-label="validation:accuracy" data-points="5"');
    expect(html).toMatch(/<td><code>maxDepth<\/code><\/td>/);
    expect(html).toContain('/aws/sagemaker/TrainingJobs');
    expect(html).toContain(join(t.stateDir, 'local-sagemaker', 'logs'));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('renders in a real browser (headless Chromium): every chart laid out, every trial row visible', async () => {
    const png = { page: join(t.tmp, 'report.png'), tuning: join(t.tmp, 'report-tuning.png') };
    const rendered = await renderInChromium(join(t.reportDir, `run-${runId}.html`), png);
    expect(rendered.externalRequests).toEqual([]);
    expect(rendered.trialRows).toBe(4);
    // 2 scatters (one per tuned hyperparameter) + 4 learning-curve charts (one per trial).
    expect(rendered.charts).toHaveLength(6);
    for (const c of rendered.charts) expect(c.width * c.height).toBeGreaterThan(0);
    for (const file of Object.values(png))
      expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    // The README's picture: UPDATE_README_SCREENSHOT=1 npx nx run local-pipeline:integration
    if (process.env.UPDATE_README_SCREENSHOT === '1')
      copyFileSync(png.tuning, join(REPO_ROOT, 'tools', 'local-pipeline', 'docs', 'report-tuning.png'));
  });

  it('a rerun with the same run id re-attaches to the tuning job: no new trial, no duplicate row', async () => {
    const run = (await db.listPipelineRuns({ runId, modelName: 'iris' }))[0];
    const before = await db.listTuningTrials({ pipelineRunId: run.id });
    const versions = (await db.listModelVersions('iris')).length;
    const again = await runMain(
      ['--runtime', 'process', '--models', 'iris', '--run-id', runId],
      t.env,
      FIXTURE,
    );
    if (again.code !== 0) throw new Error(`exit ${again.code}\n${again.stdout}\n${again.stderr}`);
    expect(again.stdout).toContain(`iris-tune-${runId}: tuning job exists (Completed) — re-attaching`);
    expect(again.stdout).not.toContain('tuning job started');
    const after = await db.listTuningTrials({ pipelineRunId: run.id });
    expect(after.map((x) => [x.id, x.jobId, x.best, x.objectiveValue])).toEqual(
      before.map((x) => [x.id, x.jobId, x.best, x.objectiveValue]),
    );
    expect(await db.listModelVersions('iris')).toHaveLength(versions);
  });
});
