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

export function readProjects(tree: Tree): OwnedProject[] {
  const projects: OwnedProject[] = [];
  for (const group of GROUPS) {
    if (!tree.exists(group) || tree.isFile(group)) continue;
    for (const entry of tree.children(group)) {
      const file = `${group}/${entry}/project.json`;
      if (!tree.isFile(file)) continue;
      const json = JSON.parse(tree.read(file, 'utf-8') ?? '{}') as {
        name?: string;
        metadata?: { owner?: string };
      };
      projects.push({ name: json.name ?? entry, root: `${group}/${entry}`, owner: json.metadata?.owner });
    }
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
