import { rmSync } from 'node:fs';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import { expectArtifacts, expectDbRows, expectReport, expectSuccessfulOutput } from './support/expect-run';
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
      `main job, process runtime, ${Object.keys(config.models).length} models: ${result.ms} ms\n`,
    );
    db = await openDatabase(config.db);
  });

  afterAll(async () => {
    await db?.close();
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('exits 0, shows progress, the summary table and the report path', () => {
    expectSuccessfulOutput(result, config, runId);
    expect(result.stdout).toContain('Runtime: process (requested');
  });

  it('leaves nothing running: both stack ports are closed', async () => {
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });

  it('wrote every stage’s artifacts to the local S3', () => expectArtifacts(config, runId, t.stateDir));

  it('recorded runs, one job per batch, evaluations, approved versions and inference runs', () =>
    expectDbRows(db, config, runId));

  it('wrote the HTML report with every model, its jobs and the inlined plots', () =>
    expectReport(config, runId));
});
