import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as pg from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DbConfig, describeDb } from './db-config';
import { DbLogger } from './db-logger';
import { DbConnectionError, DbMigrationError, DbSchemaError } from './errors';
import { MIGRATIONS } from './migrations';
import { createEntitySchemas, EntitySchemas } from './schema';

export interface ConnectOptions {
  /** Run pending migrations on connect (default true). The schema is never synchronized from entities. */
  runMigrations?: boolean;
  /** PostgreSQL connect timeout; default 5000 ms so an unreachable host fails fast. */
  connectTimeoutMs?: number;
  /** Where migration progress and DB warnings go; default stderr (stdout stays clean for CLI output). */
  log?: (line: string) => void;
}

/** TypeORM options for a config: explicit entity schemas and migration classes (bundle-safe, no globs). */
export function buildDataSourceOptions(
  config: DbConfig,
  entities: EntitySchemas,
  options: ConnectOptions = {},
): DataSourceOptions {
  const common = {
    entities: Object.values(entities),
    migrations: MIGRATIONS,
    migrationsRun: options.runMigrations ?? true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
    logger: new DbLogger(options.log),
  };
  if (config.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      // Drivers are passed, not left to TypeORM's require-by-name (1.x), so that bundlers see them: pg is
      // inlined in the batch bundles and better-sqlite3 stays an external `require("better-sqlite3")`,
      // loaded only here, so a PostgreSQL-only bundle runs without the native addon.
      driver: require('better-sqlite3'),
      database: config.path,
      // WAL lets the report read while a batch writes; with WAL, synchronous=NORMAL stays consistent after a
      // killed process (only an OS crash can drop the last commits) and avoids an fsync per status update.
      enableWAL: config.path !== ':memory:',
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('synchronous = NORMAL');
      },
      // Batches for several models may write at once; wait for the lock instead of failing with SQLITE_BUSY.
      timeout: 15000,
    };
  }
  return {
    ...common,
    type: 'postgres',
    driver: pg,
    host: config.host,
    port: config.port,
    database: config.database,
    username: config.user,
    password: config.password,
    schema: config.schema,
    ssl: config.ssl ? { rejectUnauthorized: true } : false,
    connectTimeoutMS: options.connectTimeoutMs ?? 5000,
    applicationName: 'mlops',
    // search_path too, so raw SQL (reports, ad-hoc queries) sees the same tables as the entities.
    extra: { max: 4, ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}) },
  };
}

/** Opens the database and applies migrations. Errors name the target (host:port or file). */
export async function connectDataSource(
  config: DbConfig,
  options: ConnectOptions = {},
): Promise<{ dataSource: DataSource; entities: EntitySchemas }> {
  const target = describeDb(config);
  if (config.type === 'sqlite' && config.path !== ':memory:') {
    try {
      mkdirSync(path.dirname(config.path), { recursive: true });
    } catch (err) {
      throw new DbConnectionError(`Cannot open ${target}: ${errorText(err)}`, target, err);
    }
  }
  const entities = createEntitySchemas(config.type);
  const dataSource = new DataSource(
    buildDataSourceOptions(config, entities, { ...options, runMigrations: false }),
  );
  try {
    await dataSource.initialize();
  } catch (err) {
    await dataSource.destroy().catch(() => undefined);
    throw new DbConnectionError(`Cannot connect to ${target}: ${errorText(err)}`, target, err);
  }
  if (config.type === 'postgres' && config.schema !== undefined) {
    try {
      await ensureSchema(dataSource, config.schema, config.user);
    } catch (err) {
      await dataSource.destroy().catch(() => undefined);
      throw err;
    }
  }
  if (options.runMigrations ?? true) {
    try {
      await runMigrationsOnce(dataSource, config);
    } catch (err) {
      await dataSource.destroy().catch(() => undefined);
      throw new DbMigrationError(`Migrations failed on ${target}: ${errorText(err)}`, err);
    }
  }
  return { dataSource, entities };
}

/**
 * `db.schema` must exist before TypeORM puts its migrations table there. Created when missing (IF NOT
 * EXISTS: batches may race) and the user may; otherwise one line naming the schema and the fix.
 */
async function ensureSchema(dataSource: DataSource, schema: string, user: string): Promise<void> {
  const found: unknown[] = await dataSource.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.length > 0) return;
  try {
    // The config schema only admits [a-z_][a-z0-9_]*, so quoting is enough.
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } catch (err) {
    throw new DbSchemaError(
      `PostgreSQL schema "${schema}" (db.schema) does not exist and user "${user}" may not create it ` +
        `(${errorText(err)}); create it once as its owner (CREATE SCHEMA "${schema}" AUTHORIZATION "${user}") ` +
        'or set db.schema to an existing schema',
      schema,
      err,
    );
  }
}

/**
 * Batches may start together against a fresh database. TypeORM does not lock, so on PostgreSQL a session
 * advisory lock (per schema) makes other processes wait, then find nothing pending. SQLite already
 * serializes writers; a process that lost the race sees the migration applied and moves on.
 */
async function runMigrationsOnce(dataSource: DataSource, config: DbConfig): Promise<void> {
  if (config.type === 'postgres') {
    const lockRunner = dataSource.createQueryRunner();
    const key = `mlops-migrations:${config.schema ?? 'public'}`;
    try {
      await lockRunner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await lockRunner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await lockRunner.release();
    }
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      return;
    } catch (err) {
      if (!(await dataSource.showMigrations())) return;
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

function errorText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    // `localhost` may resolve to several addresses; each attempt has its own reason.
    return err.errors.map(errorText).join('; ');
  }
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    const text = err.message || code || err.name;
    return code && !text.includes(code) ? `${code}: ${text}` : text;
  }
  return String(err);
}
