// Bundles the jobs for the image and the process runtime: dist/main.js (dispatcher) and
// dist/jobs/{preprocess,training,evaluation,inference}.js, CommonJS for node20, deps inlined (the
// image has no node_modules). Shared with the end-to-end test, which builds into a temp dir.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const JOBS = ['preprocess', 'training', 'evaluation', 'inference'];

export async function buildBundles(outdir = join(root, 'dist')) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [
      { in: join(root, 'src', 'main.ts'), out: 'main' },
      ...JOBS.map((job) => ({ in: join(root, 'src', 'bin', `${job}.ts`), out: `jobs/${job}` })),
    ],
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // Error class names end up in failure files, so they must survive minification.
    keepNames: true,
    // Resolve @mlops/* through the workspace tsconfig paths.
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Optional output dir argument (tests build into a temp dir).
  const out = await buildBundles(process.argv[2]);
  console.log(`built ${out}`);
}
