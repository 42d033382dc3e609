// Bundles the `train` command into one CommonJS file (node24) that images copy to /usr/local/bin/train.
// Shared with the tests (which build it themselves) so both produce the same artifact.
const { build } = require('esbuild');
const { chmodSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

async function buildTrain(outfile = join(root, 'dist', 'train.js')) {
  await build({
    entryPoints: [join(root, 'src', 'bin', 'train.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // Error class names end up in the failure file, so they must survive bundling.
    keepNames: true,
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

module.exports = { buildTrain };

if (require.main === module) {
  buildTrain().then(
    (out) => console.log(`built ${out}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
