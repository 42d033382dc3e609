import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelGenerator } from '../src/generators/model/generator';
import { WORKSPACE_ROOT } from './support/temp-workspace';

/**
 * The repo's real configs (environment files and configs/models/), with the generator's new model file,
 * must load with libs/pipeline/config-reader (run in a child process: a shared tool may not import
 * pipeline code).
 */
describe('generated model file on the real configs', () => {
  let tree: Tree;
  let dir: string;
  const envs = fs
    .readdirSync(path.join(WORKSPACE_ROOT, 'configs'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    for (const f of configFilesOnDisk())
      tree.write(`configs/${f}`, fs.readFileSync(path.join(WORKSPACE_ROOT, 'configs', f)));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-configs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('load with libs/pipeline/config-reader in every environment, the new model included', async () => {
    expect(envs).toEqual(expect.arrayContaining(['local', 'dev', 'prod']));
    await modelGenerator(tree, { name: 'schema-check', owner: '@acme/team-s', skipFormat: true });
    fs.mkdirSync(path.join(dir, 'models'));
    for (const f of [...configFilesOnDisk(), 'models/schema-check.yaml'])
      fs.writeFileSync(path.join(dir, f), tree.read(`configs/${f}`) ?? '');
    const script = `
      const { loadConfig, getModelConfig } = require('./libs/pipeline/config-reader/src/index.ts');
      const out = {};
      for (const env of ${JSON.stringify(envs)}) {
        const c = loadConfig({ env, configDir: ${JSON.stringify(dir)}, processEnv: { PGPASSWORD: 'unused' } });
        out[env] = getModelConfig(c, 'schema-check');
      }
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sections = JSON.parse(r.stdout);
    for (const env of envs) {
      expect(sections[env]).toMatchObject({
        name: 'schema-check',
        team: 'team-s',
        source: 'builtin:schema-check',
      });
      expect(sections[env].evaluation.thresholds).toEqual([{ metric: 'accuracy', op: '>=', value: 0.9 }]);
    }
    expect(sections.local.image).toBe('container-schema-check:latest');
    // dev follows the shipped models' env.dev override: the ECR registry, this model's repository.
    expect(sections.dev.image).toMatch(/\.dkr\.ecr\..*\/container-schema-check:/);
  });
});

/** `*.yaml` and `models/*.yaml` under the repo's configs/. */
function configFilesOnDisk(): string[] {
  const root = path.join(WORKSPACE_ROOT, 'configs');
  return [
    ...fs.readdirSync(root).filter((f) => f.endsWith('.yaml')),
    ...fs.readdirSync(path.join(root, 'models')).map((f) => `models/${f}`),
  ];
}
