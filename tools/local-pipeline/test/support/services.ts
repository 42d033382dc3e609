import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

/** The PostgreSQL the e2e and integration suites use (libpq's PG* variables override it). */
export const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  database: process.env.PGDATABASE ?? 'test',
  user: process.env.PGUSER ?? 'postgres',
};

/** Runs one statement; a missing server fails loudly, naming where it was expected. */
export async function pg(sql: string): Promise<void> {
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

export function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' });
}
