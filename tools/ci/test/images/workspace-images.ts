import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An image the workspace builds: `<project>:latest` from `<dir>/Dockerfile` (inferred `docker:build`). */
export interface WorkspaceImage {
  project: string;
  image: string;
  dir: string;
  /** The first FROM of its Dockerfile. */
  from: string;
}

// The same globs as the @nx/docker plugin in nx.json.
const ROOTS = ['apps', 'docker'];

/** Every `apps/*\/Dockerfile` and `docker/*\/Dockerfile`, with the Nx project name that tags its image. */
export function workspaceImages(repoRoot: string): WorkspaceImage[] {
  const images: WorkspaceImage[] = [];
  for (const root of ROOTS) {
    const base = join(repoRoot, root);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const dir = join(base, entry.name);
      const dockerfile = join(dir, 'Dockerfile');
      if (!entry.isDirectory() || !existsSync(dockerfile)) continue;
      const projectJson = join(dir, 'project.json');
      const project = existsSync(projectJson)
        ? ((JSON.parse(readFileSync(projectJson, 'utf8')) as { name?: string }).name ?? entry.name)
        : entry.name;
      const from = /^FROM\s+(?:--\S+\s+)*(\S+)/im.exec(readFileSync(dockerfile, 'utf8'))?.[1];
      if (from === undefined) throw new Error(`${dockerfile}: no FROM line`);
      images.push({ project, image: `${project}:latest`, dir, from });
    }
  }
  return images.sort((a, b) => a.project.localeCompare(b.project));
}

/** The image outside the workspace that `image` is built on, following FROM through workspace images. */
export function externalBase(image: WorkspaceImage, all: readonly WorkspaceImage[]): string {
  const byImage = new Map(all.map((i) => [i.image, i]));
  let current = image;
  for (let depth = 0; depth < all.length; depth++) {
    const parent = byImage.get(current.from);
    if (parent === undefined) return current.from;
    current = parent;
  }
  throw new Error(`FROM cycle through ${image.dir}/Dockerfile`);
}
