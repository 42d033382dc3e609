// Derives one `scope:<model>` constraint per scope tag found in the workspace, so that a model's
// projects may depend only on their own scope and `scope:shared`. ESLint has no back-references in
// tag patterns, hence the generated list.
import { readFileSync } from 'node:fs';
import { projectRoots } from './project-roots.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function scopeTags(root = defaultRoot) {
  const scopes = new Set();
  for (const rel of projectRoots(root)) {
    const tags = JSON.parse(readFileSync(join(root, rel, 'project.json'), 'utf8')).tags ?? [];
    for (const tag of tags) if (tag.startsWith('scope:') && tag !== 'scope:shared') scopes.add(tag);
  }
  return [...scopes].sort();
}

export function scopeConstraints(root) {
  return scopeTags(root).map((tag) => ({ sourceTag: tag, onlyDependOnLibsWithTags: [tag, 'scope:shared'] }));
}
