import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, MlopsConfig } from '@mlops/config-reader';
import { DbAdapter, openDatabase } from '@mlops/db';
import { expectArtifacts, expectDbRows, expectReport, expectSuccessfulOutput } from './support/expect-run';
import { CONFIG_DIR, makeTestEnv, portIsOpen, RunResult, runMain, TestEnv } from './support/workspace';

const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  database: process.env.PGDATABASE ?? 'test',
  user: process.env.PGUSER ?? 'postgres',
};

async function pg(sql: string): Promise<void> {
  const client = new Client({ ...PG, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL required at ${PG.host}:${PG.port}/${PG.database}: ${(err as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' });
}

/** configs/local.yaml with the `db:` section swapped for PostgreSQL in its own schema. */
function writePostgresConfig(dir: string, schema: string): string {
  const local = readFileSync(join(CONFIG_DIR, 'local.yaml'), 'utf8');
  const db =
    `db:\n  type: postgres\n  host: ${PG.host}\n  port: ${PG.port}\n  database: ${PG.database}\n` +
    `  user: ${PG.user}\n  schema: ${schema}\n`;
  const replaced = local.replace(/^db:\n(?:[ \t]+.*\n|\s*\n)*/m, `${db}\n`);
  if (replaced === local) throw new Error('configs/local.yaml has no db: section to replace');
  const configDir = join(dir, 'configs');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'local.yaml'), replaced);
  return configDir;
}

/** The main job on the docker runtime (images container-<m>:latest) with the DB on PostgreSQL. */
describe('main job on the docker runtime with PostgreSQL', () => {
  const runId = `e2e-${Date.now().toString(36)}`;
  const schema = `lp_e2e_${randomBytes(4).toString('hex')}`;
  let t: TestEnv;
  let config: MlopsConfig;
  let result: RunResult;
  let db: DbAdapter;

  beforeAll(async () => {
    docker(['info', '--format', '{{.ServerVersion}}']);
    await pg(`CREATE SCHEMA "${schema}"`);
    t = await makeTestEnv('lp-e2e-');
    // The DB is PostgreSQL here: no SQLite path override.
    delete t.env.MLOPS__DB__PATH;
    const configDir = writePostgresConfig(t.tmp, schema);
    config = loadConfig({ env: 'local', configDir, processEnv: t.env });
    result = await runMain(['--runtime', 'docker', '--run-id', runId, '--config-dir', configDir], t.env);
    process.stdout.write(
      `main job, docker runtime, ${Object.keys(config.models).length} models: ${result.ms} ms\n`,
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
  });

  it('leaves no containers, networks or listening ports behind', async () => {
    expect(
      docker(['ps', '-a', '--format', '{{.Names}}'])
        .split('\n')
        .filter((n) => n.includes(runId)),
    ).toEqual([]);
    expect(
      docker(['network', 'ls', '--format', '{{.Name}}'])
        .split('\n')
        .filter((n) => n.includes(runId)),
    ).toEqual([]);
    expect(await portIsOpen(t.s3Port)).toBe(false);
    expect(await portIsOpen(t.sagemakerPort)).toBe(false);
  });

  it('wrote every stage’s artifacts to the local S3', () => expectArtifacts(config, runId, t.stateDir));

  it('recorded the run in PostgreSQL', () => expectDbRows(db, config, runId));

  it('wrote the HTML report', () => expectReport(config, runId));
});
