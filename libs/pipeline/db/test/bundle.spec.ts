import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../src';
import { buildSmokeBundle, EXPECTED_SMOKE, REPO_ROOT, runBundle, runBundleAsync } from './bundle';

describe('esbuild bundle of a script using @mlops/db (SQLite)', () => {
  let bundle: string;

  beforeAll(async () => {
    bundle = await buildSmokeBundle();
  }, 60000);

  it('inlines typeorm and pg (only the native SQLite addon is external)', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/require\("typeorm"\)/);
    expect(code).not.toMatch(/require\("pg"\)/);
    expect(code).toMatch(/node_modules\/pg\/lib\/client\.js/); // pg's code is in the bundle
    expect(code).toMatch(/require\("better-sqlite3"\)/);
  });

  it('runs migrations and the queries with plain node, no decorator metadata needed', () => {
    const dbFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'mlops-db-bundle-run-')),
      'state',
      'm.sqlite',
    );
    const out = runBundle(bundle, { type: 'sqlite', path: dbFile }, path.join(REPO_ROOT, 'node_modules'));
    expect(out).toEqual(EXPECTED_SMOKE);
    // Read back with the driver directly: the rows really are in the file.
    const raw = new Database(dbFile, { readonly: true });
    try {
      expect(
        raw.prepare('SELECT status FROM jobs WHERE sagemaker_name = ?').get('iris-train-bundle'),
      ).toEqual({
        status: 'Completed',
      });
      expect(raw.prepare('SELECT approval_status FROM model_versions').all()).toEqual([
        { approval_status: 'Approved' },
      ]);
      expect(raw.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
    } finally {
      raw.close();
    }
  });
  it('four processes racing on a fresh SQLite file: one migration, one job, all succeed', async () => {
    const dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'mlops-db-race-')), 'm.sqlite');
    const nodePath = path.join(REPO_ROOT, 'node_modules');
    const outs = await Promise.all(
      Array.from({ length: 4 }, () => runBundleAsync(bundle, { type: 'sqlite', path: dbFile }, nodePath)),
    );
    for (const out of outs) expect(out).toEqual(EXPECTED_SMOKE);
    const raw = new Database(dbFile, { readonly: true });
    try {
      expect(raw.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
      expect(raw.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 1 });
      expect(raw.prepare('SELECT COUNT(*) AS n FROM model_versions').get()).toEqual({ n: 1 });
    } finally {
      raw.close();
    }
  }, 120000);
});
