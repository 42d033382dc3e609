// Bundles the CLI and the library entry into dist/ (CommonJS, node24). @mlops/* libs are bundled
// from source (tsconfig paths); npm packages stay external and resolve from the workspace node_modules.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/cli.ts'), index: join(root, 'src/index.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: true,
  tsconfig: join(root, 'tsconfig.json'),
  external: ['@20minutes/s3rver', '@aws-sdk/*', '@smithy/*', 'tar', 'yaml'],
  logLevel: 'warning',
});
chmodSync(join(root, 'dist/cli.js'), 0o755);
console.log(`built ${join(root, 'dist')}/{cli,index}.js`);
