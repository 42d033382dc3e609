/**
 * Plain-data database settings. Structurally the same as config-reader's `db` section, so batches pass
 * `config.db` straight through without this lib depending on config-reader.
 */
export type DbConfig = SqliteDbConfig | PostgresDbConfig;

export interface SqliteDbConfig {
  type: 'sqlite';
  /** File path; parent directories are created. `:memory:` works for throwaway use. */
  path: string;
}

export interface PostgresDbConfig {
  type: 'postgres';
  host: string;
  port: number;
  database: string;
  user: string;
  /** Resolved secret (from env); never stored in config files. */
  password?: string;
  /** Schema for tables and the migrations table; defaults to the server's search_path (public). */
  schema?: string;
  ssl?: boolean;
}

export type DbDialect = DbConfig['type'];

/** `host:port/database` or the SQLite path — safe for logs and errors (no password). */
export function describeDb(config: DbConfig): string {
  return config.type === 'sqlite'
    ? `SQLite at ${config.path}`
    : `PostgreSQL at ${config.host}:${config.port} (database "${config.database}", user "${config.user}")`;
}
