import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbSuite } from './db-suite';
import { experimentsSuite } from './experiments-suite';

async function sqliteTestDb() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-'));
  return {
    // A nested path also proves parent directories are created.
    config: { type: 'sqlite' as const, path: path.join(dir, 'state', 'mlops.sqlite') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

dbSuite('SQLite (temp file)', sqliteTestDb);
experimentsSuite('SQLite (temp file)', sqliteTestDb);
