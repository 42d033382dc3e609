import type { DataSource, EntityManager } from 'typeorm';
import type { EntitySchemas } from './schema';

/**
 * One open database as the repositories see it: the entity schemas, a safe-to-log target, and the
 * two ways to run queries — `tx` (a write transaction) and `read`. Every repository function takes it
 * as its first argument, so all entities share one queue and one transaction discipline.
 */
export class DbSession {
  constructor(
    readonly dataSource: DataSource,
    readonly entities: EntitySchemas,
    /** Human-readable target, safe to log. */
    readonly target: string,
  ) {}

  /** SQLite runs on one connection, where overlapping transactions fail; calls on it are queued. */
  private queue: Promise<unknown> = Promise.resolve();

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return fn();
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(fn);
    return this.serial(() => this.sqliteImmediateTransaction(fn));
  }

  read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.serial(() => fn(this.dataSource.manager));
  }

  /**
   * TypeORM begins SQLite transactions DEFERRED; a read-then-write transaction racing another process
   * then fails with "database is locked" without waiting. IMMEDIATE takes the write lock up front, so
   * the busy timeout applies and concurrent batches simply queue.
   */
  private async sqliteImmediateTransaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
      try {
        const result = await fn(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (err) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }
}
