import type { Logger } from 'typeorm';

/**
 * TypeORM's default logger prints migration progress and slow queries to stdout even with
 * `logging: false`, which corrupts CLI output (batches print JSON/tables on stdout). This one sends
 * migration messages and warnings to `write` (stderr by default) and drops query logs and query errors
 * (those are thrown to the caller anyway).
 */
export class DbLogger implements Logger {
  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  logQuery(): void {
    // Queries are not logged: they may carry values (URIs, metrics) nobody asked to see.
  }

  logQueryError(): void {
    // The error is thrown to the caller, who reports it with context; logging here would duplicate it.
  }

  logQuerySlow(time: number): void {
    this.write(`[db] slow query: ${time} ms`);
  }

  logSchemaBuild(): void {
    // Schema is never built from entities (synchronize: false).
  }

  logMigration(message: string): void {
    this.write(`[db] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(`[db] ${String(message)}`);
  }
}
