import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbAdapter, openDatabase } from '@mlops/db';

/** A real SQLite database in a temp dir (migrated by openDatabase). */
export async function tempDb(): Promise<{ db: DbAdapter; path: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-core-db-'));
  const path = join(dir, 'mlops.sqlite');
  const db = await openDatabase({ type: 'sqlite', path });
  return {
    db,
    path,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
