import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { CONFIG_DIR, makeTestEnv, portIsOpen, REPO_ROOT, runMain, TestEnv } from './support/workspace';

describe('main job: bad input', () => {
  const envs: TestEnv[] = [];
  afterAll(() => envs.forEach((t) => rmSync(t.tmp, { recursive: true, force: true })));

  it('unknown model: exit 2 naming it and the known models, nothing started or written', async () => {
    const t = await makeTestEnv('lp-bad-');
    envs.push(t);
    const result = await runMain(['--models', 'iris,nope', '--runtime', 'process'], t.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown model "nope" in .*local\.yaml; known models: /);
    expect(result.stdout).not.toContain('▶');
    expect(existsSync(t.stateDir)).toBe(false);
    expect(existsSync(t.dbPath)).toBe(false);
    expect(existsSync(t.reportDir)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });

  it('unknown flag: exit 2, one line naming it, then the usage; nothing started or written', async () => {
    const t = await makeTestEnv('lp-bad-');
    envs.push(t);
    const result = await runMain(['--models', 'iris', '--frobnicate'], t.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^local-pipeline: Unknown option --frobnicate\n\nUsage: local-pipeline/);
    expect(existsSync(t.stateDir)).toBe(false);
    expect(existsSync(t.dbPath)).toBe(false);
  });

  it.each([
    [
      'ml.m5.huge',
      { MLOPS__MODELS__IRIS__TRAINING__INSTANCE_TYPE: 'ml.m5.huge' },
      /^local-pipeline: PipelineConfigError: .*local\.yaml: models\.iris\.training\.instanceType \(from env \S+\): .*closest valid: ml\.m5\.large.*got string "ml\.m5\.huge"$/,
    ],
    [
      'an image that does not exist',
      { MLOPS__MODELS__IRIS__IMAGE: 'container-preflight-none:latest' },
      /^local-pipeline: PreflightError: .*local\.yaml: models\.iris\.image = "container-preflight-none:latest": its app apps\/container-preflight-none\/dist is not built; build it: npx nx run container-preflight-none:build$/,
    ],
    [
      'a bad source',
      { MLOPS__MODELS__IRIS__SOURCE: 'builtin:preflight-none' },
      /^local-pipeline: PreflightError: .*local\.yaml: models\.iris\.source = "builtin:preflight-none": directory .* does not exist; /,
    ],
    [
      'a bad s3Prefixes.raw',
      { MLOPS__MODELS__IRIS__S3_PREFIXES__RAW: 'mpg/raw/' },
      /^local-pipeline: PreflightError: .*local\.yaml: models\.(iris|mpg)\.s3Prefixes\.raw = "mpg\/raw\/": is the same prefix as /,
    ],
  ])(
    'pre-flight, %s: exit 2, one stderr line, no stack, DB, state dir or report',
    async (_what, extra, line) => {
      const t = await makeTestEnv('lp-preflight-', extra);
      envs.push(t);
      const result = await runMain(['--runtime', 'process'], t.env);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
      expect(result.stdout).toBe('');
      expect(existsSync(t.stateDir)).toBe(false);
      expect(existsSync(t.dbPath)).toBe(false);
      expect(existsSync(t.reportDir)).toBe(false);
      expect(await portIsOpen(t.sagemakerPort)).toBe(false);
    },
  );

  it('corrupt raw data: the preprocess job fails with its FailureReason in the DB; the rest is skipped', async () => {
    const t0 = await makeTestEnv('lp-corrupt-');
    const corrupt = join(t0.tmp, 'iris.csv');
    // The shipped iris.csv with one value broken on its third line.
    const rows = readFileSync(join(REPO_ROOT, 'data', 'iris', 'iris.csv'), 'utf8').split('\n');
    rows[2] = rows[2].replace(/^[^,]+/, 'five-point-one');
    writeFileSync(corrupt, rows.join('\n'));
    const t = { ...t0, env: { ...t0.env, MLOPS__MODELS__IRIS__SOURCE: pathToFileURL(corrupt).href } };
    envs.push(t);
    const runId = `bad-${Date.now().toString(36)}`;
    const result = await runMain(['--models', 'iris', '--runtime', 'process', '--run-id', runId], t.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('iris · collection ok');
    expect(result.stdout).toMatch(/iris · preprocess FAILED \(exit 1\)/);
    expect(result.stdout).toContain('skipping the remaining 3 phase(s) of iris');
    expect(result.stdout).toMatch(/^Failures:\n {2}iris\/preprocess: .+/m);

    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: t.env });
    const db = await openDatabase(config.db);
    try {
      const jobs = await db.listJobs({ modelName: 'iris' });
      expect(jobs.map((j) => [j.batch, j.status])).toEqual([['preprocess', 'Failed']]);
      // The container's own words: which file, line and column, and what is wrong.
      expect(jobs[0].failureReason).toMatch(
        /iris\.csv.*line 3, column "sepal_length": "five-point-one" is not a number/,
      );
      expect(result.stdout).toContain(jobs[0].failureReason?.slice(0, 40));
    } finally {
      await db.close();
    }
    expect(existsSync(join(t.reportDir, `run-${runId}.html`))).toBe(true);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });
});
