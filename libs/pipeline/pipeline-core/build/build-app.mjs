// Bundles one pipeline batch app: `node libs/pipeline/pipeline-core/build/build-app.mjs apps/pipeline-<b>`.
// One script for the five apps so their bundles are built identically. Output: <app>/dist/main.js.
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

// TypeORM's optional drivers are required lazily and are not installed; better-sqlite3 is native.
// `pg` is pure JS and bundled, so a PostgreSQL-backed image needs no node_modules for it.
const EXTERNAL = [
  'better-sqlite3',
  'pg-native',
  'mysql',
  'mysql2',
  'oracledb',
  'mssql',
  'sqlite3',
  'sql.js',
  'mongodb',
  'redis',
  'ioredis',
  'typeorm-aurora-data-api-driver',
  '@sap/hana-client',
  '@sap/hana-client/extension/Stream',
  'hdb-pool',
  'react-native-sqlite-storage',
  '@google-cloud/spanner',
  'pg-query-stream',
];

const appDir = process.argv[2];
if (!appDir || !existsSync(join(appDir, 'src', 'main.ts'))) {
  console.error(
    `usage: node libs/pipeline/pipeline-core/build/build-app.mjs apps/pipeline-<batch> (got ${appDir ?? 'nothing'})`,
  );
  process.exit(2);
}
const root = resolve(appDir);
await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile: join(root, 'dist', 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: true,
  external: EXTERNAL,
  tsconfig: resolve('tsconfig.base.json'),
  logLevel: 'warning',
  // TypeORM and the AWS SDK probe optional modules; those warnings are expected.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
// The image is dist/ under /app (WORKDIR, so also the batch's workspace root): the configs (`--config-dir
// /app/configs`, as the state machine passes it) and the builtin datasets (`builtin:<name>` → /app/data)
// travel with the bundle, so an ECS task needs nothing mounted.
for (const dir of ['configs', 'data']) {
  rmSync(join(root, 'dist', dir), { recursive: true, force: true });
  cpSync(resolve(dir), join(root, 'dist', dir), { recursive: true });
}
console.log(`built ${join(appDir, 'dist', 'main.js')} (+ configs/, data/)`);
