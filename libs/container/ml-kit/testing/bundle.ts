/** The app's built bundles, run as the local SageMaker's process runtime runs them. */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempDir } from './opt-ml';

/** The monorepo root (tests read `data/` and run `tools/build/` from there). */
export const REPO_DIR = path.resolve(__dirname, '..', '..', '..', '..');
export const BUNDLE_SCRIPT = path.join(REPO_DIR, 'tools', 'build', 'bundle-container-app.mjs');

/** Builds an app's bundles into a temp dir with the shared build script (what its `build` target runs). */
export function buildAppBundles(appDir: string, prefix = 'ml-kit-dist-'): string {
  const out = tempDir(prefix);
  const r = spawnSync(process.execPath, [BUNDLE_SCRIPT, appDir, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  return out;
}

export interface RunOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunBundleOptions {
  /** Called on each stdout chunk with the child, e.g. to send it a signal. */
  onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void;
  env?: Record<string, string>;
}

/** `node main.js <args>` in the dist dir, as the process runtime does (cwd = dist, SAGEMAKER_BASE_DIR = the tree). */
export function runBundle(
  dist: string,
  base: string,
  args: string[],
  options: RunBundleOptions = {},
): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['main.js', ...args], {
      cwd: dist,
      env: { PATH: process.env.PATH ?? '', SAGEMAKER_BASE_DIR: base, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      options.onStdout?.(stdout, (s) => child.kill(s));
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
