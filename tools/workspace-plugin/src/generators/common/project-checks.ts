import { getProjects, Tree } from '@nx/devkit';

/** Problems that make `<dir>` / project `<project>` unusable for a new project (already taken). */
export function takenProblems(tree: Tree, dir: string, project: string): string[] {
  const problems: string[] = [];
  if (tree.exists(dir)) problems.push(`${dir} already exists`);
  else if (getProjects(tree).has(project)) problems.push(`an Nx project named "${project}" already exists`);
  return problems;
}
