import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The real workspace root: the fixture reuses its node_modules and its ESLint configuration. */
export const workspaceRoot = resolve(__dirname, '..', '..', '..');

export interface FixtureProject {
  root: string;
  name: string;
  tags: string[];
  /** file path (relative to the project root) → contents */
  files?: Record<string, string>;
}

export interface FixtureWorkspace {
  dir: string;
  run(cmd: string, args: string[]): string;
  write(path: string, contents: string): void;
  dispose(): void;
}

/**
 * A throwaway Nx workspace with the real root ESLint config and module-boundary rules, so tests run
 * the real nx and eslint CLIs on projects whose tags and imports they control.
 */
export function createFixtureWorkspace(projects: FixtureProject[]): FixtureWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-fixture-ws-'));
  const write = (path: string, contents: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, contents);
  };
  symlinkSync(join(workspaceRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  cpSync(join(workspaceRoot, 'eslint.config.mjs'), join(dir, 'eslint.config.mjs'));
  for (const f of ['module-boundaries.mjs', 'project-roots.mjs'])
    cpSync(join(workspaceRoot, 'tools/ci', f), join(dir, 'tools/ci', f));
  // The real manifest and lockfile give the graph its npm nodes, which bannedExternalImports needs.
  cpSync(join(workspaceRoot, 'package.json'), join(dir, 'package.json'));
  cpSync(join(workspaceRoot, 'package-lock.json'), join(dir, 'package-lock.json'));
  write('nx.json', JSON.stringify({ defaultBase: 'main' }, null, 2));
  const paths: Record<string, string[]> = {};
  for (const p of projects) paths[`@fx/${p.name}`] = [`${p.root}/src/index.ts`];
  write(
    'tsconfig.base.json',
    JSON.stringify({ compilerOptions: { baseUrl: '.', module: 'commonjs', paths } }, null, 2),
  );
  for (const p of projects) {
    write(
      `${p.root}/project.json`,
      JSON.stringify({ name: p.name, sourceRoot: `${p.root}/src`, tags: p.tags }),
    );
    write(`${p.root}/src/index.ts`, `export const ${p.name.replace(/-/g, '_')} = 1;\n`);
    for (const [file, contents] of Object.entries(p.files ?? {})) write(`${p.root}/${file}`, contents);
  }
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { dir, run, write, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export const nxBin = join(workspaceRoot, 'node_modules/nx/dist/bin/nx.js');
export const eslintBin = join(workspaceRoot, 'node_modules/eslint/bin/eslint.js');
