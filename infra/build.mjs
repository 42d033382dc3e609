// Bundles the CDK app into infra/dist/main.js (`cdk synth` runs it) and the README writer: @mlops/contract and
// @mlops/config-reader are inlined, the CDK libraries, yaml and zod stay external (resolved from node_modules). One esbuild call, ~0.1 s.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: {
    main: join(here, 'src', 'main.ts'),
    'write-readme': join(here, 'src', 'readme', 'write-readme.ts'),
  },
  outdir: join(here, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  alias: {
    '@mlops/contract': join(here, '..', 'libs', 'shared', 'contract', 'src', 'index.ts'),
    '@mlops/config-reader': join(here, '..', 'libs', 'pipeline', 'config-reader', 'src', 'index.ts'),
  },
  logLevel: 'warning',
});
