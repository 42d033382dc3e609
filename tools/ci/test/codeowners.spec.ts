import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workspaceRoot } from './fixture-workspace';

const script = join(workspaceRoot, 'tools/ci/codeowners.mjs');
const run = (...args: string[]) => spawnSync('node', [script, ...args], { encoding: 'utf8' });

describe('CODEOWNERS from project metadata', () => {
  it('matches the real workspace, and every container app has an owner', () => {
    const r = run('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    [['--chek'], /Unknown option '--chek'/],
    [['--root'], /Option '--root <value>' argument missing/],
  ])('refuses %j with one line naming the flag and the usage (exit 2)', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: node tools/ci/codeowners.mjs');
  });

  describe('on a fixture workspace', () => {
    let root: string;
    const write = (path: string, contents: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), contents);
    };
    const project = (dir: string, tags: string[], owner?: string) =>
      write(
        `${dir}/project.json`,
        JSON.stringify({ name: dir.split('/')[1], tags, ...(owner ? { metadata: { owner } } : {}) }),
      );

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'codeowners-'));
      write('.github/CODEOWNERS', '* @org/platform\n');
      project('apps/container-a', ['type:app', 'platform:container', 'scope:a'], '@org/team-a');
      write('configs/models/a.yaml', 'team: team-a\n');
      project('libs/shared', ['type:lib', 'platform:shared', 'scope:shared']);
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('generates one entry per owned project, keeping hand-written lines', () => {
      expect(run('--root', root).status).toBe(0);
      const file = readFileSync(join(root, '.github/CODEOWNERS'), 'utf8');
      expect(file).toMatch(/^\* @org\/platform$/m);
      expect(file).toMatch(/^\/apps\/container-a\/\s+@org\/team-a$/m);
      // The model's config file belongs to the team that owns its container app.
      expect(file).toMatch(/^\/configs\/models\/a\.yaml\s+@org\/team-a$/m);
      expect(file).not.toMatch(/libs\/shared/);
      expect(run('--root', root, '--check').status).toBe(0);
    });

    it('fails the check when CODEOWNERS disagrees with the metadata', () => {
      run('--root', root);
      project('apps/container-a', ['type:app', 'platform:container', 'scope:a'], '@org/team-z');
      const r = run('--root', root, '--check');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/CODEOWNERS is out of date/);
    });

    it('fails when a container app has no model file, or a model file no container app', () => {
      project('apps/container-b', ['type:app', 'platform:container', 'scope:b'], '@org/team-b');
      write('configs/models/c.yaml', 'team: team-c\n');
      const r = run('--root', root, '--check');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /configs\/models\/b\.yaml: missing; container app "container-b" needs its model's config file/,
      );
      expect(r.stderr).toMatch(/configs\/models\/c\.yaml: no container app tagged scope:<model> for it/);
    });

    it('fails when a container app has no owner, naming the file', () => {
      project('apps/container-b', ['type:app', 'platform:container', 'scope:b']);
      write('configs/models/b.yaml', 'team: team-b\n');
      const r = run('--root', root, '--check');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /apps\/container-b\/project.json: container app "container-b" has no metadata.owner/,
      );
    });

    it('rejects an owner that is not a GitHub handle, team or email', () => {
      project('apps/container-a', ['type:app', 'platform:container', 'scope:a'], 'team a');
      const r = run('--root', root);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/metadata.owner "team a" is not a GitHub/);
    });
  });
});
