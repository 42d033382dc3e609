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

/** Where a model's settings live; its container app's owner owns it too. */
export const MODEL_CONFIG_DIR = 'configs/models';

export interface OwnedProject {
  name: string;
  root: string;
  owner?: string;
  /** `configs/models/<model>.yaml` of a container app (`scope:<model>`) when that file exists. */
  modelConfig?: string;
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
      tags?: string[];
      metadata?: { owner?: string };
    };
    const tags = json.tags ?? [];
    const container = tags.includes('platform:container') && tags.includes('type:app');
    const model = container ? tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length) : undefined;
    const modelConfig = model ? `${MODEL_CONFIG_DIR}/${model}.yaml` : undefined;
    projects.push({
      name: json.name ?? root.split('/').pop()!,
      root,
      owner: json.metadata?.owner,
      ...(modelConfig && tree.exists(modelConfig) ? { modelConfig } : {}),
    });
  }
  return projects.sort((a, b) => a.root.localeCompare(b.root));
}

export function render(current: string, projects: readonly OwnedProject[]): string {
  const entries: [string, string][] = [];
  for (const p of projects) {
    if (!p.owner) continue;
    entries.push([`/${p.root}/`, p.owner]);
    if (p.modelConfig) entries.push([`/${p.modelConfig}`, p.owner]);
  }
  const lines = entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, owner]) => path.padEnd(40) + ` ${owner}`);
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
