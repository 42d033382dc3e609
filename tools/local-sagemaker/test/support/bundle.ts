import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..', '..');
const OUT = join(REPO, 'node_modules', '.cache', 'local-sagemaker-test');

/**
 * Bundles a TypeScript entry (as scripts/build.mjs does for the CLI) so a test can run it as its own
 * process: a separate emulator to kill -9, or many lock contenders. The output sits under the repo's
 * node_modules so the external packages resolve.
 */
export function bundle(entry: string): string {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, `${basename(entry, '.ts')}-${process.pid}.js`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: join(__dirname, '..', '..', 'tsconfig.json'),
    external: ['@20minutes/s3rver', '@aws-sdk/*', '@smithy/*', 'tar', 'yaml'],
    logLevel: 'error',
  });
  return outfile;
}

export const CLI_SOURCE = join(__dirname, '..', '..', 'src', 'cli.ts');
