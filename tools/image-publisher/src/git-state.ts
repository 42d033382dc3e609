import { execOk } from './exec';

export interface GitState {
  sha: string;
  shortSha: string;
  dirty: boolean;
}

/** The commit the workspace is at, and whether tracked or untracked (non-ignored) files differ from it. */
export function readGitState(cwd: string): GitState {
  const sha = execOk('git', ['rev-parse', 'HEAD'], { cwd }).trim();
  const dirty = execOk('git', ['status', '--porcelain'], { cwd }).trim() !== '';
  return { sha, shortSha: sha.slice(0, 12), dirty };
}
