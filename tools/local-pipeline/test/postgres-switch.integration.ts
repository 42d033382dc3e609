import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '@mlops/config-reader';
import { openDatabase } from '@mlops/db';
import { PG } from './support/services';
import { CONFIG_DIR, makeTestEnv, runMain, TestEnv } from './support/workspace';

// Switching the database is configuration: MLOPS__DB__* alone moves the local environment to PostgreSQL
// (no copied config), and the missing schema is created. Needs PostgreSQL (support/services.ts PG).

describe('main job on PostgreSQL by environment overrides only', () => {
  const schema = `mlops_preflight_lp_${randomBytes(4).toString('hex')}`;
  let t: TestEnv | undefined;

  afterAll(async () => {
    const admin = new Client(PG);
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await admin.end();
    }
    if (t) rmSync(t.tmp, { recursive: true, force: true });
  });

  it('MLOPS__DB__TYPE=postgres + host/database/user/schema: runs iris, rows in the new schema, no SQLite file', async () => {
    t = await makeTestEnv('lp-pg-');
    const { MLOPS__DB__PATH: sqlitePath, ...env } = t.env;
    const pgEnv = {
      ...env,
      MLOPS__DB__TYPE: 'postgres',
      MLOPS__DB__HOST: PG.host,
      MLOPS__DB__DATABASE: PG.database,
      MLOPS__DB__USER: PG.user,
      MLOPS__DB__SCHEMA: schema,
    };
    const runId = `pg-${Date.now().toString(36)}`;
    const result = await runMain(['--models', 'iris', '--runtime', 'process', '--run-id', runId], pgEnv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(sqlitePath as string)).toBe(false);

    const config = loadConfig({ env: 'local', configDir: CONFIG_DIR, processEnv: pgEnv });
    expect(config.db).toMatchObject({ type: 'postgres', schema });
    const db = await openDatabase(config.db);
    try {
      const runs = await db.listPipelineRuns();
      expect(runs.map((r) => [r.runId, r.environment, r.status])).toEqual([[runId, 'local', 'Succeeded']]);
      expect((await db.listJobs({ modelName: 'iris' })).map((j) => j.status)).toEqual([
        'Completed',
        'Completed',
        'Completed',
        'Completed',
      ]);
    } finally {
      await db.close();
    }
  });
});
