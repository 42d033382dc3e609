// Bundles the CDK app into infra/dist/main.js (`cdk synth` runs it) and the README writer: @mlops/contract is inlined, the
// CDK libraries and yaml stay external (resolved from node_modules). One esbuild call, ~0.1 s.
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
  alias: { '@mlops/contract': join(here, '..', 'libs', 'shared', 'contract', 'src', 'index.ts') },
  logLevel: 'warning',
});
