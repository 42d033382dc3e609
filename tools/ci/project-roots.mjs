import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Project folders: `<group>/<name>`, or `libs/<side>/<name>` where a folder holds projects, not one. */
export function projectRoots(root) {
  const roots = [];
  const visit = (rel, depth) => {
    const dir = join(root, rel);
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const child = `${rel}/${entry.name}`;
      if (existsSync(join(root, child, 'project.json'))) roots.push(child);
      else if (depth > 0) visit(child, depth - 1);
    }
  };
  for (const group of ['apps', 'libs', 'tools', 'docker']) visit(group, 1);
  return roots;
}
