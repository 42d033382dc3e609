import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { DbConflictError } from '../errors';

/** INSERT that does nothing on a unique conflict (ON CONFLICT DO NOTHING / INSERT OR IGNORE); true if inserted. */
export async function insertIgnore<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntitySchema<T>,
  values: Partial<T>,
): Promise<boolean> {
  const result = await m.createQueryBuilder().insert().into(entity).values(values).orIgnore().execute();
  const raw = result.raw as unknown;
  // PostgreSQL returns the RETURNING rows (none when the conflict skipped the insert). better-sqlite3 only
  // reports lastInsertRowid, which is stale after an ignored insert, so ask SQLite (same connection).
  if (Array.isArray(raw)) return raw.length > 0;
  const [row] = (await m.query('SELECT changes() AS n')) as Array<{ n: number }>;
  return Number(row.n) > 0;
}

/** The id of the row an `m.insert` just wrote. */
export function insertedId(result: { identifiers: ObjectLiteral[] }): number {
  return Number((result.identifiers[0] as { id: number }).id);
}

export function isUniqueViolation(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function assertOneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new DbConflictError(
      `Invalid ${field} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`,
    );
  }
}
