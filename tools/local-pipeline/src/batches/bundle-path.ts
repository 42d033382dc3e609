import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PHASES, Phase } from './phases';

/** Where the built CLI of a batch lives: `apps/pipeline-<phase>/dist/main.js`. */
export function bundlePath(repoRoot: string, phase: Phase): string {
  return join(repoRoot, 'apps', `pipeline-${phase}`, 'dist', 'main.js');
}

/** Every batch bundle that is not built yet, with the command that builds them all. */
export function missingBundles(repoRoot: string): { missing: string[]; hint: string } {
  const missing = PHASES.map((p) => bundlePath(repoRoot, p)).filter((p) => !existsSync(p));
  return {
    missing,
    hint:
      'build them first: `npx nx run local-pipeline:start` builds everything it needs, or ' +
      '`npx nx run-many -t build -p ' +
      PHASES.map((p) => `pipeline-${p}`).join(' ') +
      '`',
  };
}
