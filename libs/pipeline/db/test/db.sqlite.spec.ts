import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbSuite } from './db-suite';

dbSuite('SQLite (temp file)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-'));
  return {
    // A nested path also proves parent directories are created.
    config: { type: 'sqlite', path: path.join(dir, 'state', 'mlops.sqlite') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
