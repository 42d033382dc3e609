import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from './support/temp-workspace';

/** Runs test/support/prettier-check.ts in a child process (see there why). */
function check(mode: 'templates' | 'generated') {
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'support', 'prettier-check.ts'), mode],
    {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tools/workspace-plugin/tsconfig.json' },
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { options: object; checked: number; unformatted: string[] };
}

describe('templates and Prettier', () => {
  it('tag-free template files are already formatted (the generator writes them as they are)', () => {
    const r = check('templates');
    expect(r.options).toMatchObject({ singleQuote: true, printWidth: 110 });
    expect(r.checked).toBeGreaterThan(12);
    expect(r.unformatted).toEqual([]);
  });

  it('every generated source file is formatted, for a 1-char and a 19-char model name', () => {
    const r = check('generated');
    expect(r.checked).toBeGreaterThan(2 * 25);
    expect(r.unformatted).toEqual([]);
  });
});
