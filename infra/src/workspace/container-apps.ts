import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A project as the workspace declares it: its name and tags (from `project.json`). */
export interface ProjectInfo {
  name: string;
  tags: readonly string[];
}

const CONTAINER_APP_TAGS = ['type:app', 'platform:container'];

/** Projects under `apps/` (one level, like the Nx layout), read from their `project.json`. */
export function readAppProjects(workspaceRoot: string): ProjectInfo[] {
  const appsDir = join(workspaceRoot, 'apps');
  const projects: ProjectInfo[] = [];
  for (const dir of readdirSync(appsDir).sort()) {
    const file = join(appsDir, dir, 'project.json');
    if (!existsSync(file)) continue;
    let json: { name?: unknown; tags?: unknown };
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const tags = Array.isArray(json.tags) ? json.tags.filter((t): t is string => typeof t === 'string') : [];
    projects.push({ name: typeof json.name === 'string' && json.name !== '' ? json.name : dir, tags });
  }
  return projects;
}

/** The images SageMaker runs: every app tagged `type:app` + `platform:container`, so a generated model counts. */
export function containerApps(projects: readonly ProjectInfo[]): string[] {
  return projects
    .filter((p) => CONTAINER_APP_TAGS.every((t) => p.tags.includes(t)))
    .map((p) => p.name)
    .sort();
}
