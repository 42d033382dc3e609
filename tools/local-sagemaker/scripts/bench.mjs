// Runs one benchmark script: bundles bench/<name>.ts with esbuild (same resolution as the build) and runs it.
// Usage: node tools/local-sagemaker/scripts/bench.mjs <process-runtime|docker-runtime|concurrent> [args]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const entry = join(root, 'bench', `${name}.ts`);
if (!name || !existsSync(entry)) {
  console.error(`usage: bench.mjs <name> — no bench/${name}.ts`);
  process.exit(2);
}
// Inside the project (tmp/ is gitignored) so external packages resolve from the workspace node_modules.
mkdirSync(join(root, 'tmp'), { recursive: true });
const out = mkdtempSync(join(root, 'tmp', 'bench-'));
await build({
  entryPoints: [entry],
  outfile: join(out, 'bench.js'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  tsconfig: join(root, 'tsconfig.json'),
  external: ['@20minutes/s3rver', '@aws-sdk/*', '@smithy/*', 'tar', 'yaml'],
  define: { __BENCH_ROOT__: JSON.stringify(root) },
  logLevel: 'warning',
});
const res = spawnSync(process.execPath, [join(out, 'bench.js'), ...args], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
process.exit(res.status ?? 1);
