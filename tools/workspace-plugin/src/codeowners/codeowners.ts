import type { Tree } from '@nx/devkit';

/**
 * The logic of tools/ci/codeowners.mjs on an Nx Tree, so the generator can update CODEOWNERS in the same
 * write as the new project.json (the .mjs is ESM and reads the disk). Output must stay byte-identical:
 * test/codeowners.spec.ts runs the .mjs on the generated files and compares.
 */
export const CODEOWNERS_PATH = '.github/CODEOWNERS';
export const BEGIN = '# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)';
export const END = '# END generated';
const GROUPS = ['apps', 'libs', 'tools', 'docker'];

export interface OwnedProject {
  name: string;
  root: string;
  owner?: string;
}

/** Project folders: `<group>/<name>`, or `libs/<side>/<name>` (same walk as tools/ci/codeowners.mjs). */
function projectRoots(tree: Tree): string[] {
  const roots: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (!tree.exists(dir) || tree.isFile(dir)) return;
    for (const entry of tree.children(dir)) {
      const child = `${dir}/${entry}`;
      if (entry === 'node_modules' || tree.isFile(child)) continue;
      if (tree.isFile(`${child}/project.json`)) roots.push(child);
      else if (depth > 0) visit(child, depth - 1);
    }
  };
  for (const group of GROUPS) visit(group, 1);
  return roots;
}

export function readProjects(tree: Tree): OwnedProject[] {
  const projects: OwnedProject[] = [];
  for (const root of projectRoots(tree)) {
    const json = JSON.parse(tree.read(`${root}/project.json`, 'utf-8') ?? '{}') as {
      name?: string;
      metadata?: { owner?: string };
    };
    projects.push({ name: json.name ?? root.split('/').pop()!, root, owner: json.metadata?.owner });
  }
  return projects.sort((a, b) => a.root.localeCompare(b.root));
}

export function render(current: string, projects: readonly OwnedProject[]): string {
  const lines = projects.filter((p) => p.owner).map((p) => `/${p.root}/`.padEnd(40) + ` ${p.owner}`);
  const block = [BEGIN, ...lines, END].join('\n');
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start === -1 || end === -1) return `${current.trimEnd()}\n\n${block}\n`;
  return current.slice(0, start) + block + current.slice(end + END.length);
}

/** Rewrites the generated block of CODEOWNERS from every project.json in the tree. */
export function updateCodeowners(tree: Tree): void {
  const current = tree.read(CODEOWNERS_PATH, 'utf-8') ?? '';
  const next = render(current, readProjects(tree));
  if (next !== current) tree.write(CODEOWNERS_PATH, next);
}
