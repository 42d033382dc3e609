// Bundles a container app's jobs for the image and the process runtime: dist/main.js (dispatcher) and
// dist/jobs/{preprocess,training,evaluation,inference}.js, CommonJS for node24, deps inlined (the
// image has no node_modules). One script for every container app (its `build` target), also used by
// the end-to-end tests and the job benchmark, which build into a temp dir.
// Usage: node tools/build/bundle-container-app.mjs <projectRoot> [outdir=<projectRoot>/dist]
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const JOBS = ['preprocess', 'training', 'evaluation', 'inference'];

/** `projectRoot` is absolute or relative to the repo root (e.g. apps/container-iris). */
export async function buildBundles(projectRoot, outdir) {
  const root = resolve(repo, projectRoot);
  if (!existsSync(join(root, 'src', 'main.ts')))
    throw new Error(`${projectRoot}: not a container app (no src/main.ts in ${root})`);
  outdir ??= join(root, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [
      { in: join(root, 'src', 'main.ts'), out: 'main' },
      ...JOBS.map((job) => ({ in: join(root, 'src', 'bin', `${job}.ts`), out: `jobs/${job}` })),
    ],
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node24',
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
  const [projectRoot, outdir] = process.argv.slice(2);
  if (!projectRoot) {
    console.error('usage: node tools/build/bundle-container-app.mjs <projectRoot> [outdir]');
    process.exit(2);
  }
  // Optional output dir argument (tests build into a temp dir).
  try {
    console.log(`built ${await buildBundles(projectRoot, outdir)}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
