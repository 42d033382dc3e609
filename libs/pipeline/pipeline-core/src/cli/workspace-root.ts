import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The nearest directory at or above `from` holding `nx.json`, else `from` itself. Bundled batches run
 * from `apps/<b>/dist` or from `/app` in an image, so `__dirname` cannot be trusted.
 */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}
