import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { CONFIG_DIR, makeTestEnv, runMain, RunResult, TestEnv } from './support/workspace';

/**
 * Content-keyed step caching on the process runtime, both models of configs/local.yaml, one state dir:
 * a first run launches everything; the same run again launches nothing; one changed hyperparameter
 * retrains only that model (its preprocessing still reused); `--no-cache` launches everything again.
 * What was launched is read from the local SageMaker's own job store (one record per job it created).
 */
describe('step cache across runs (process runtime)', () => {
  const stamp = Date.now().toString(36);
  const ids = { first: `c1-${stamp}`, same: `c2-${stamp}`, hyper: `c3-${stamp}`, forced: `c4-${stamp}` };
  let t: TestEnv;
  const results: Record<string, RunResult> = {};

  /** Names of the jobs the local SageMaker created for a run, per kind. */
  function launched(runId: string): { training: string[]; processing: string[] } {
    const dir = (kind: string) =>
      readdirSync(join(t.stateDir, 'local-sagemaker', 'jobs', kind))
        .filter((f) => f.endsWith(`-${runId}.json`))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
    return { training: dir('training'), processing: dir('processing') };
  }

  async function cachedJobs(runId: string): Promise<string[]> {
    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    const db = await openDatabase(config.db);
    try {
      const out: string[] = [];
      for (const run of await db.listPipelineRuns({ runId }))
        out.push(...(await db.listCachedJobs(run.id)).map((c) => `${c.jobName}<-${c.sourceJobName}`));
      return out.sort();
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    t = await makeTestEnv('lp-cache-');
    const run = async (key: keyof typeof ids, args: string[] = [], env: Record<string, string> = {}) => {
      results[key] = await runMain(['--runtime', 'process', '--run-id', ids[key], ...args], {
        ...t.env,
        ...env,
      });
    };
    await run('first');
    await run('same');
    await run('hyper', [], { MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__MAX_DEPTH: '3' });
    await run('forced', ['--models', 'iris', '--no-cache']);
  });

  afterAll(() => {
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('every run exits 0', () => {
    for (const [key, r] of Object.entries(results)) expect([key, r.code, r.stderr]).toEqual([key, 0, '']);
  });

  it('the first run launches every job', () => {
    expect(launched(ids.first)).toEqual({
      training: [`iris-training-${ids.first}`, `mpg-training-${ids.first}`],
      processing: ['evaluation', 'inference', 'preprocess']
        .flatMap((b) => ['iris', 'mpg'].map((m) => `${m}-${b}-${ids.first}`))
        .sort(),
    });
  });

  it('a second run with nothing changed launches no job: every step reuses the first run', async () => {
    expect(launched(ids.same)).toEqual({ training: [], processing: [] });
    const steps = ['preprocess', 'training', 'evaluation', 'inference'];
    expect(await cachedJobs(ids.same)).toEqual(
      ['iris', 'mpg']
        .flatMap((m) => steps.map((b) => `${m}-${b}-${ids.same}<-${m}-${b}-${ids.first}`))
        .sort(),
    );
    expect(results.same.stdout).toContain(`cached (from iris-training-${ids.first})`);
    const report = readFileSync(join(t.reportDir, `run-${ids.same}.html`), 'utf8');
    expect(report).toContain(`data-cached-from="mpg-preprocess-${ids.first}"`);
    // The gate still ran on this run's (copied) model: a new version, compared with the first run's.
    expect(report).toContain(`<a class="earlier-report" href="run-${ids.first}.html">`);
  });

  it('one changed hyperparameter retrains only that model, on its reused preprocessing', async () => {
    expect(launched(ids.hyper)).toEqual({
      training: [`iris-training-${ids.hyper}`],
      processing: [`iris-evaluation-${ids.hyper}`, `iris-inference-${ids.hyper}`],
    });
    const cached = await cachedJobs(ids.hyper);
    expect(cached).toContain(`iris-preprocess-${ids.hyper}<-iris-preprocess-${ids.first}`);
    expect(cached.filter((c) => c.startsWith('mpg-'))).toHaveLength(4);
    expect(cached.filter((c) => c.startsWith('iris-'))).toHaveLength(1);
  });

  it('--no-cache launches every job again', async () => {
    expect(results.forced.stdout).toContain('Step cache: off (--no-cache)');
    expect(launched(ids.forced)).toEqual({
      training: [`iris-training-${ids.forced}`],
      processing: ['evaluation', 'inference', 'preprocess'].map((b) => `iris-${b}-${ids.forced}`).sort(),
    });
    expect(await cachedJobs(ids.forced)).toEqual([]);
  });
});
