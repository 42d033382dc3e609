// Bundles the `train` command into one CommonJS file (node20) that images copy to /usr/local/bin/train.
// Shared with the tests (which build it themselves) so both produce the same artifact.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildTrain(outfile = join(root, 'dist', 'train.js')) {
  await build({
    entryPoints: [join(root, 'src', 'bin', 'train.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // Error class names end up in the failure file, so they must survive bundling.
    keepNames: true,
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildTrain();
  console.log(`built ${out}`);
}
