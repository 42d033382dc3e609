// Bundles the main job into dist/main.js (cjs, node24), runnable with plain `node` from a clone after `npm ci`.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(here, 'dist/main.js'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  // Only the native SQLite addon and optional drivers stay external; everything else is inlined so each
  // workspace lib gets the dependency version it resolves to (e.g. config-reader's yaml 2, not the hoisted 1.x).
  external: ['better-sqlite3', 'pg-native'],
  tsconfig: join(here, 'tsconfig.json'),
  sourcemap: true,
  logLevel: 'warning',
});
