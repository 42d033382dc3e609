import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelGenerator } from '../src/generators/model/generator';
import { WORKSPACE_ROOT } from './support/temp-workspace';

/**
 * The repo's real configs/*.yaml, edited by the generator, must still load with libs/pipeline/config-reader
 * (run in a child process: a shared tool may not import pipeline code).
 */
describe('generated config sections on the real configs', () => {
  let tree: Tree;
  let dir: string;
  const envs = fs
    .readdirSync(path.join(WORKSPACE_ROOT, 'configs'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    for (const env of envs)
      tree.write(`configs/${env}.yaml`, fs.readFileSync(path.join(WORKSPACE_ROOT, 'configs', `${env}.yaml`)));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-configs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('load with libs/pipeline/config-reader in every environment, the new model included', async () => {
    expect(envs).toEqual(expect.arrayContaining(['local', 'dev', 'prod']));
    await modelGenerator(tree, { name: 'schema-check', owner: '@acme/team-s', skipFormat: true });
    for (const env of envs)
      fs.writeFileSync(path.join(dir, `${env}.yaml`), tree.read(`configs/${env}.yaml`) ?? '');
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
  });
});
