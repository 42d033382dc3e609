/**
 * A throwaway copy of the workspace for slow tests and the scale benchmark: the files git knows
 * (tracked + untracked-not-ignored, i.e. the working tree, not HEAD), every node_modules dir
 * linked (nothing installed), and a fresh one-commit git repo so `nx affected` has a base.
 */
import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface TempWorkspace {
  root: string;
  /** Runs a command in the copy; throws with its output when it exits non-zero (unless `allowFail`). */
  run(cmd: string, args: string[], options?: RunOptions): SpawnSyncReturns<string>;
  remove(): void;
}

export interface RunOptions {
  allowFail?: boolean;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function listFiles(source: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // --cached also lists files deleted in the working tree.
  return out.split('\0').filter((f) => f !== '' && fs.existsSync(path.join(source, f)));
}

/** node_modules dirs of the root and of each workspace package (one level below apps/tools/docker, two below libs). */
function nodeModulesDirs(source: string): string[] {
  const dirs = fs.existsSync(path.join(source, 'node_modules')) ? ['node_modules'] : [];
  const visit = (rel: string, depth: number): void => {
    const dir = path.join(source, rel);
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const child = path.join(rel, entry.name);
      if (fs.existsSync(path.join(source, child, 'node_modules')))
        dirs.push(path.join(child, 'node_modules'));
      else if (depth > 0) visit(child, depth - 1);
    }
  };
  // Projects are one level down, two under libs (libs/<side>/<name>): never into a project's own folders.
  for (const group of ['apps', 'libs', 'tools', 'docker']) visit(group, group === 'libs' ? 1 : 0);
  return dirs;
}

/**
 * `symlink`: fastest, enough for Nx, lint, jest and esbuild. `hardlink`: a real directory tree of hard
 * links (`cp -al`, same filesystem, no extra space), needed when the copy is bind-mounted into a container
 * (test:container), where a symlink to the original would dangle.
 */
export type NodeModulesMode = 'symlink' | 'hardlink';

function linkNodeModules(from: string, to: string, mode: NodeModulesMode): void {
  if (mode === 'symlink') return fs.symlinkSync(from, to, 'dir');
  execFileSync('cp', ['-al', from, to]);
}

export function copyWorkspace(
  mode: NodeModulesMode = 'symlink',
  source: string = WORKSPACE_ROOT,
  prefix = 'mlops-ws-',
): TempWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const file of listFiles(source)) {
    const to = path.join(root, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(source, file), to);
  }
  for (const dir of nodeModulesDirs(source))
    linkNodeModules(path.join(source, dir), path.join(root, dir), mode);

  const run = (cmd: string, args: string[], options: RunOptions = {}) => {
    const r = spawnSync(cmd, args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0', ...options.env },
      maxBuffer: 256 * 1024 * 1024,
      timeout: options.timeoutMs,
    });
    if (!options.allowFail && r.status !== 0) {
      throw new Error(
        `\`${cmd} ${args.join(' ')}\` in ${root} exited ${r.status ?? r.signal}:\n` +
          `${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`,
      );
    }
    return r;
  };
  const git = [
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.invalid',
    '-c',
    'commit.gpgsign=false',
  ];
  run('git', ['init', '-q', '-b', 'main']);
  run('git', ['add', '-A']);
  run('git', [...git, 'commit', '-q', '-m', 'workspace copy']);
  return { root, run, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
