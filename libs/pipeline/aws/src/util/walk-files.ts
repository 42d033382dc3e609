import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface LocalFile {
  absPath: string;
  /** POSIX-style path relative to the walk root; becomes the S3 key suffix. */
  relPath: string;
  size: number;
}

/** Lists regular files under `root` recursively, sorted, skipping symlinks (they could leave the tree). */
export async function* walkFiles(root: string): AsyncGenerator<LocalFile> {
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const files: LocalFile[] = [];
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(childRel);
      else if (e.isFile()) {
        const absPath = path.join(root, childRel);
        files.push({ absPath, relPath: childRel, size: (await fs.stat(absPath)).size });
      }
    }
    yield* files.reverse();
  }
}
