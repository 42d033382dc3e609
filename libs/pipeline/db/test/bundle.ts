import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Bundles fixtures/bundle-smoke.ts the way an app build would (esbuild, cjs, node24). Only the native
 * SQLite addon stays external; typeorm and pg are inlined.
 */
export async function buildSmokeBundle(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'mlops-db-bundle-'));
  const outfile = path.join(outDir, 'bundle.js');
  await build({
    entryPoints: [path.join(__dirname, 'fixtures', 'bundle-smoke.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    outfile,
    external: ['better-sqlite3', 'pg-native'],
    logLevel: 'silent',
  });
  return outfile;
}

export interface SmokeOutput {
  jobStatus: string;
  endedAt: string;
  metrics: Record<string, number>;
  verdict: string;
  approvedVersion: number | null;
}

/** Runs the bundle with plain node from its own dir; `nodePath` lets it find the external native addon. */
export function runBundle(bundle: string, config: object, nodePath?: string): SmokeOutput {
  const res = spawnSync(process.execPath, [bundle, JSON.stringify(config)], {
    cwd: path.dirname(bundle),
    env: { PATH: process.env.PATH ?? '', ...(nodePath ? { NODE_PATH: nodePath } : {}) },
    encoding: 'utf8',
    timeout: 60000,
  });
  if (res.status !== 0)
    throw new Error(`bundle exited ${res.status}: ${res.stderr}${res.error ? String(res.error) : ''}`);
  return JSON.parse(res.stdout.trim()) as SmokeOutput;
}

export const EXPECTED_SMOKE: SmokeOutput = {
  jobStatus: 'Completed',
  endedAt: '2026-11-26T06:00:00.000Z',
  metrics: { 'validation:accuracy': 0.9667 },
  verdict: 'Passed',
  approvedVersion: 1,
};

/** Same as runBundle, without blocking, so several processes can race. */
export function runBundleAsync(bundle: string, config: object, nodePath?: string): Promise<SmokeOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bundle, JSON.stringify(config)],
      {
        cwd: path.dirname(bundle),
        env: { PATH: process.env.PATH ?? '', ...(nodePath ? { NODE_PATH: nodePath } : {}) },
        timeout: 60000,
      },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`bundle failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout.trim()) as SmokeOutput);
      },
    );
  });
}
