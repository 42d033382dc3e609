import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readProjects, render, updateCodeowners } from '../src/codeowners/codeowners';
import { modelGenerator } from '../src/generators/model/generator';
import { seedWorkspace } from './support/fixtures';
import { WORKSPACE_ROOT } from './support/temp-workspace';

const SCRIPT = path.join(WORKSPACE_ROOT, 'tools', 'ci', 'codeowners.mjs');

/** Writes the tree's project.json files and CODEOWNERS to a temp dir, for tools/ci/codeowners.mjs. */
function writeOut(tree: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeowners-plugin-'));
  for (const change of tree.listChanges()) {
    const kept =
      change.path.endsWith('project.json') ||
      change.path === '.github/CODEOWNERS' ||
      change.path.startsWith('configs/models/');
    if (!change.content || !kept) continue;
    fs.mkdirSync(path.dirname(path.join(dir, change.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, change.path), change.content);
  }
  return dir;
}

describe('CODEOWNERS on the Tree', () => {
  let tree: Tree;
  let dirs: string[] = [];
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedWorkspace(tree);
  });
  afterEach(() => {
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
    dirs = [];
  });

  it('after generating two models, tools/ci/codeowners.mjs --check agrees byte for byte', async () => {
    await modelGenerator(tree, { name: 'zeta', owner: '@acme/team-z', skipFormat: true });
    await modelGenerator(tree, { name: 'alpha', owner: 'owner@example.com', skipFormat: true });
    const dir = writeOut(tree);
    dirs.push(dir);
    const r = spawnSync(process.execPath, [SCRIPT, '--check', '--root', dir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CODEOWNERS matches 3 owned projects');
  });

  it('the .mjs would rewrite a stale file to what render() produces', () => {
    tree.write('.github/CODEOWNERS', '* @mlops/platform\n');
    const dir = writeOut(tree);
    dirs.push(dir);
    expect(spawnSync(process.execPath, [SCRIPT, '--root', dir]).status).toBe(0);
    updateCodeowners(tree);
    expect(tree.read('.github/CODEOWNERS', 'utf-8')).toBe(
      fs.readFileSync(path.join(dir, '.github', 'CODEOWNERS'), 'utf8'),
    );
  });

  it('reads owners from project.json metadata, sorted by root, unowned projects included', () => {
    expect(readProjects(tree)).toEqual([
      {
        name: 'container-iris',
        root: 'apps/container-iris',
        owner: '@mlops/team-iris',
        modelConfig: 'configs/models/iris.yaml',
      },
      { name: 'aws', root: 'libs/pipeline/aws', owner: undefined },
    ]);
  });

  it('render appends the block when the markers are missing, and replaces only the block otherwise', () => {
    const projects = [{ name: 'a', root: 'apps/a', owner: '@o/t' }];
    const appended = render('* @x\n', projects);
    expect(appended).toBe(
      '* @x\n\n# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)\n' +
        `${'/apps/a/'.padEnd(40)} @o/t\n# END generated\n`,
    );
    expect(render(`${appended}# after\n`, [])).toBe(
      '* @x\n\n# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)\n# END generated\n# after\n',
    );
  });
});
