import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './fixture-workspace';

// A log line or `instanceof` check that says `ConfigError` must point at one class, so every exported
// error class name is unique in the workspace and says where it comes from.
const EXPORTED_ERROR = /^export\s+(?:abstract\s+)?class\s+(\w*Error)\b/gm;

/** Class name → the files exporting it, for the names exported more than once. */
function duplicateErrorClasses(files: { path: string; text: string }[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { path, text } of files)
    for (const [, name] of text.matchAll(EXPORTED_ERROR)) where.set(name, [...(where.get(name) ?? []), path]);
  return new Map([...where].filter(([, paths]) => paths.length > 1));
}

function workspaceSources(): { path: string; text: string }[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', 'apps', 'libs', 'tools', 'infra'],
    { cwd: workspaceRoot, encoding: 'utf8' },
  );
  return listed
    .split('\n')
    .filter((p) => /\.(ts|mts|cts|mjs|js)$/.test(p) && !p.endsWith('.d.ts'))
    .map((path) => ({ path, text: readFileSync(join(workspaceRoot, path), 'utf8') }));
}

describe('error class names', () => {
  it('finds a name exported twice, and only that one', () => {
    const dupes = duplicateErrorClasses([
      {
        path: 'libs/a/errors.ts',
        text: 'export class ConfigError extends Error {}\nexport class AError {}\n',
      },
      {
        path: 'libs/b/errors.ts',
        text: 'export class ConfigError extends BaseError {}\nclass LocalError {}\n',
      },
      { path: 'libs/c/errors.ts', text: 'class LocalError extends Error {}\n' },
    ]);
    expect([...dupes]).toEqual([['ConfigError', ['libs/a/errors.ts', 'libs/b/errors.ts']]]);
  });

  it('are unique across apps, libs, tools and infra', () => {
    const sources = workspaceSources();
    expect(sources.length).toBeGreaterThan(100);
    expect(Object.fromEntries(duplicateErrorClasses(sources))).toEqual({});
  });
});
