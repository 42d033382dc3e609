import { execOk } from './exec';

export interface GitState {
  sha: string;
  shortSha: string;
  dirty: boolean;
  /** The first few changed paths, to say what makes the tree dirty. */
  dirtyPaths?: string[];
}

/** The commit the workspace is at, and whether tracked or untracked (non-ignored) files differ from it. */
export function readGitState(cwd: string): GitState {
  const sha = execOk('git', ['rev-parse', 'HEAD'], { cwd }).trim();
  const changes = execOk('git', ['status', '--porcelain'], { cwd }).split('\n').filter(Boolean);
  return {
    sha,
    shortSha: sha.slice(0, 12),
    dirty: changes.length > 0,
    dirtyPaths: changes.slice(0, 5).map((l) => l.slice(3)),
  };
}
