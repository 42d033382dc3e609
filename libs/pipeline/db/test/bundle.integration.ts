import { Client } from 'pg';
import { buildSmokeBundle, EXPECTED_SMOKE, runBundle } from './bundle';
import { createPostgresTestDb, PG } from './postgres';

describe('esbuild bundle of a script using @mlops/db (PostgreSQL)', () => {
  it('runs self-contained (no node_modules at all) against PostgreSQL', async () => {
    const bundle = await buildSmokeBundle();
    const testDb = await createPostgresTestDb();
    try {
      // No NODE_PATH and cwd in a temp dir: pg and typeorm must come from the bundle itself.
      expect(runBundle(bundle, testDb.config)).toEqual(EXPECTED_SMOKE);
      const client = new Client(PG);
      await client.connect();
      try {
        const res = await client.query(`SELECT status FROM "${testDb.config.schema}".jobs`);
        expect(res.rows).toEqual([{ status: 'Completed' }]);
      } finally {
        await client.end();
      }
    } finally {
      await testDb.cleanup();
    }
  });
});
