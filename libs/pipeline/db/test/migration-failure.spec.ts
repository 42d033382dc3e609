import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DbMigrationError, openDatabase } from '../src';

describe('a failing migration', () => {
  it('is reported as DbMigrationError and rolled back: no tables, no migration row', async () => {
    const dbPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'mlops-db-mig-')), 'm.sqlite');
    // A pre-existing table with the name the migration creates last makes it fail after earlier tables.
    const pre = new Database(dbPath);
    pre.exec('CREATE TABLE inference_runs (legacy TEXT)');
    pre.close();

    await expect(openDatabase({ type: 'sqlite', path: dbPath })).rejects.toThrow(DbMigrationError);

    const raw = new Database(dbPath, { readonly: true });
    try {
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
      // TypeORM creates its bookkeeping table outside the migration; the migration's tables are gone.
      expect(tables).toEqual([
        { name: 'inference_runs' },
        { name: 'migrations' },
        { name: 'sqlite_sequence' },
      ]);
      expect(raw.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });
});
