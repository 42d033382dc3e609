import type { ColumnType } from 'typeorm';
import type { DbDialect } from './db-config';

/**
 * The one column type that differs by database: timestamps. `timestamptz` keeps instants unambiguous on
 * PostgreSQL; SQLite has no time type and TypeORM stores `datetime` as UTC text. Migrations use the same
 * mapping so entity metadata and the migrated schema agree.
 */
export function timestampType(dialect: DbDialect): ColumnType {
  return dialect === 'postgres' ? 'timestamptz' : 'datetime';
}

/** SQL list for a CHECK constraint, e.g. `'a', 'b'` (values are our own enum constants, never user input). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
