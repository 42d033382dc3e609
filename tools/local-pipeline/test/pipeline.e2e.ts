import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import {
  expectArtifacts,
  expectDbRows,
  expectReport,
  expectSuccessfulOutput,
  PHASE_NAMES,
} from './support/expect-run';
import { docker, pg, PG } from './support/services';
import { CONFIG_DIR, makeTestEnv, portIsOpen, RunResult, runMain, TestEnv } from './support/workspace';

/** Every container (any state) and network, by name: compared before and after the run. */
function dockerObjects(): { containers: string[]; networks: string[] } {
  const names = (out: string) =>
    out
      .split('\n')
      .filter((n) => n !== '')
      .sort();
  return {
    containers: names(docker(['ps', '-a', '--format', '{{.Names}}'])),
    networks: names(docker(['network', 'ls', '--format', '{{.Name}}'])),
  };
}

/** A copy of configs/ (model files included) whose local.yaml has the `db:` section swapped for PostgreSQL in its own schema. */
function writePostgresConfig(dir: string, schema: string): string {
  const local = readFileSync(join(CONFIG_DIR, 'local.yaml'), 'utf8');
  const db =
    `db:\n  type: postgres\n  host: ${PG.host}\n  port: ${PG.port}\n  database: ${PG.database}\n` +
    `  user: ${PG.user}\n  schema: ${schema}\n`;
  const replaced = local.replace(/^db:\n(?:[ \t]+.*\n|\s*\n)*/m, `${db}\n`);
  if (replaced === local) throw new Error('configs/local.yaml has no db: section to replace');
  const configDir = join(dir, 'configs');
  cpSync(CONFIG_DIR, configDir, { recursive: true });
  writeFileSync(join(configDir, 'local.yaml'), replaced);
  return configDir;
}

/**
 * The main job with the batches as containers (`--batches docker`: images pipeline-<phase>:latest) and
 * the jobs on the docker runtime (images container-<m>:latest), the DB on PostgreSQL. The batches as
 * host processes are covered by the integration suite; this variant replaced them here to keep CI short.
 */
describe('main job: batch containers, docker runtime, PostgreSQL', () => {
  const runId = `e2e-${Date.now().toString(36)}`;
  const schema = `lp_e2e_${randomBytes(4).toString('hex')}`;
  let t: TestEnv;
  let config: MlopsConfig;
  let result: RunResult;
  let db: DbAdapter;
  let before: { containers: string[]; networks: string[] };
  let since: number;
  let until: number;

  beforeAll(async () => {
    docker(['info', '--format', '{{.ServerVersion}}']);
    await pg(`CREATE SCHEMA "${schema}"`);
    t = await makeTestEnv('lp-e2e-');
    // The DB is PostgreSQL here: no SQLite path override.
    delete t.env.MLOPS__DB__PATH;
    const configDir = writePostgresConfig(t.tmp, schema);
    config = loadConfig({ env: 'local', configDir, processEnv: t.env });
    before = dockerObjects();
    since = Math.floor(Date.now() / 1000) - 1;
    result = await runMain(
      ['--batches', 'docker', '--runtime', 'docker', '--run-id', runId, '--config-dir', configDir],
      t.env,
    );
    until = Math.ceil(Date.now() / 1000) + 1;
    process.stdout.write(
      `main job, batch containers + docker runtime, ${Object.keys(config.models).length} models: ${result.ms} ms\n`,
    );
    db = await openDatabase(config.db);
  });

  afterAll(async () => {
    await db?.close();
    await pg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('exits 0 on the docker runtime, with the summary and report path', () => {
    expectSuccessfulOutput(result, config, runId);
    expect(result.stdout).toContain('Runtime: docker (requested; daemon answers and all images exist)');
    expect(result.stdout).toContain(
      `Batches: docker (images pipeline-<phase>:latest, containers lp-${runId}-`,
    );
  });

  it('ran every batch as a container of its pipeline image, labelled with the run id', () => {
    const started = docker([
      'events',
      '--since',
      String(since),
      '--until',
      String(until),
      '--filter',
      'type=container',
      '--filter',
      'event=start',
      '--filter',
      `label=io.mlops.local-pipeline.run-id=${runId}`,
      '--format',
      '{{.Actor.Attributes.name}} {{.Actor.Attributes.image}}',
    ])
      .split('\n')
      .filter((l) => l !== '')
      .sort();
    const expected = Object.keys(config.models).flatMap((m) =>
      PHASE_NAMES.map((p) => `lp-${runId}-${m}-${p} pipeline-${p}:latest`),
    );
    expect(started).toEqual(expected.sort());
  });

  it('leaves no containers, networks or listening ports behind', async () => {
    const after = dockerObjects();
    // Other suites may share the daemon: only what appeared during the run, or carries its id, counts.
    expect(after.containers.filter((n) => !before.containers.includes(n) || n.includes(runId))).toEqual([]);
    expect(after.networks.filter((n) => !before.networks.includes(n) || n.includes(runId))).toEqual([]);
    expect(docker(['ps', '-aq', '--filter', `label=io.mlops.local-pipeline.run-id=${runId}`]).trim()).toBe(
      '',
    );
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });

  it('wrote every stage’s artifacts to the local S3', () => expectArtifacts(config, runId, t.stateDir));

  it('recorded the run in PostgreSQL', () => expectDbRows(db, config, runId));

  it('wrote the HTML report', () => expectReport(config, runId));
});
