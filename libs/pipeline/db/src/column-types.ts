import type { ColumnType, EntitySchemaRelationOptions } from 'typeorm';
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

/** The auto-increment primary key every table has. */
export const id = { type: 'integer', primary: true, generated: 'increment' } as const;

/** A foreign key to `target`'s id under the constraint name the migrations give it. */
export function manyToOne(target: string, column: string, fkName: string): EntitySchemaRelationOptions {
  return {
    type: 'many-to-one',
    target,
    joinColumn: { name: column, referencedColumnName: 'id', foreignKeyConstraintName: fkName },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
  };
}

/** A row type plus its relation properties (declared on the schema, never read as columns). */
export type Rel<T, K extends string> = T & { [P in K]?: unknown };
