import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { PostgresDbConfig } from '../src';
import type { TestDb } from './db-suite';

/** The team's test server; override with PG* env vars if it lives elsewhere. */
export const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  database: process.env.PGDATABASE ?? 'test',
  user: process.env.PGUSER ?? 'postgres',
};

export async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...PG, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    // Loud on purpose: these tests must fail, not skip, when PostgreSQL is down.
    throw new Error(
      `PostgreSQL is required for the db integration tests but ${PG.host}:${PG.port}/${PG.database} ` +
        `(user ${PG.user}) is unreachable: ${(err as Error).message || String(err)}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh schema per test (created here, dropped with CASCADE afterwards) so runs never collide. */
export async function createPostgresTestDb(): Promise<TestDb & { config: PostgresDbConfig }> {
  const schema = `mlops_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA "${schema}"`));
  return {
    config: { type: 'postgres', ...PG, schema },
    cleanup: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
  };
}

export async function schemaExists(schema: string): Promise<boolean> {
  return admin(
    async (c) => (await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1,
  );
}
