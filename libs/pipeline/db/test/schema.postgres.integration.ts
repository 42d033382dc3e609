import { randomBytes } from 'node:crypto';
import { DbSchemaError, openDatabase, PostgresDbConfig } from '../src';
import { admin, PG, schemaExists } from './postgres';

// db.schema that does not exist yet: created when the user may, else one line naming it (no stack trace).
describe('PostgreSQL db.schema missing', () => {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const schema = `mlops_preflight_${suffix}`;
  const role = `mlops_preflight_${suffix}`;
  afterAll(async () => {
    await admin(async (c) => {
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  it('is created (CREATE SCHEMA IF NOT EXISTS) and migrated when the user may', async () => {
    expect(await schemaExists(schema)).toBe(false);
    const config: PostgresDbConfig = { type: 'postgres', ...PG, schema };
    const db = await openDatabase(config, { log: () => undefined });
    try {
      expect(await db.listPipelineRuns()).toEqual([]);
    } finally {
      await db.close();
    }
    expect(await schemaExists(schema)).toBe(true);
    const tables = await admin((c) =>
      c.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]),
    );
    expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toContain('pipeline_runs');
  });

  it('is refused with one line naming it, the user and the fix when the user may not create it', async () => {
    // A fresh role has CONNECT (PUBLIC) but no CREATE on the database: it cannot create schemas.
    await admin((c) => c.query(`CREATE ROLE "${role}" LOGIN`));
    const missing = `${schema}_other`;
    const config: PostgresDbConfig = { type: 'postgres', ...PG, user: role, schema: missing };
    const err = await openDatabase(config, { log: () => undefined }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DbSchemaError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`PostgreSQL schema "${missing}" (db.schema) does not exist and user "${role}"`);
    expect(message).toContain(`CREATE SCHEMA "${missing}" AUTHORIZATION "${role}"`);
    expect(await schemaExists(missing)).toBe(false);
  });
});
