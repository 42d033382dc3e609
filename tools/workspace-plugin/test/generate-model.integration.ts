/**
 * The slow proof: in a temp copy of the workspace, generate a model with the real `nx g`, then run the
 * new project's typecheck, lint, test and build, validate the new model file (configs/models/<model>.yaml) with libs/pipeline/config-reader
 * and CODEOWNERS with tools/ci/codeowners.mjs, and, in the production image, docker:build,
 * test:container and the app's own Docker integration test. Docker is required: without a daemon
 * or the base image the test fails, saying how to get them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, TempWorkspace } from './support/temp-workspace';

const MODEL = 'itest';
const PROJECT = `container-${MODEL}`;
const BASE_IMAGE = 'sagemaker-runtime:latest';
const BATCH = 'itbatch';
const BATCH_PROJECT = `pipeline-${BATCH}`;

const imageId = (ref: string) =>
  spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { encoding: 'utf8' }).stdout.trim();

function dockerProblem(): string | undefined {
  const info = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 30_000 });
  if (info.status !== 0)
    return `no Docker daemon answers (\`docker info\`: ${(info.stderr || String(info.error)).trim().split('\n')[0]}); start it with \`tools/ci/services.sh up\``;
  const image = spawnSync('docker', ['image', 'inspect', BASE_IMAGE], { encoding: 'utf8' });
  if (image.status !== 0)
    return `base image ${BASE_IMAGE} is missing; build it with \`npx nx run sagemaker-runtime:docker:build\``;
  return undefined;
}

describe('nx g @mlops/workspace-plugin:model in a copy of the workspace', () => {
  let ws: TempWorkspace;

  beforeAll(() => {
    ws = copyWorkspace('hardlink');
  });

  afterAll(() => {
    spawnSync('docker', ['image', 'rm', '-f', `${PROJECT}:latest`], { stdio: 'ignore' });
    ws?.remove();
  });

  it('generates a model that passes typecheck, lint, test and build with no edit', () => {
    const g = ws.run('npx', [
      'nx',
      'g',
      '@mlops/workspace-plugin:model',
      MODEL,
      '--owner',
      '@mlops/team-itest',
    ]);
    expect(g.stdout).toContain(`CREATE apps/${PROJECT}/project.json`);
    expect(g.stdout).toContain(`CREATE configs/models/${MODEL}.yaml`);
    expect(g.stdout).not.toMatch(/UPDATE configs\/(local|dev|prod)\.yaml/);
    expect(g.stdout).toMatch(/UPDATE \.github\/CODEOWNERS/);

    const projects = ws.run('npx', ['nx', 'show', 'projects', '--projects', 'tag:scope:itest']);
    expect(projects.stdout.trim().split('\n')).toEqual([PROJECT]);

    ws.run('node', ['tools/ci/codeowners.mjs', '--check']);
    ws.run('npx', ['prettier', '--check', `apps/${PROJECT}`, `data/${MODEL}`, 'configs']);

    const run = ws.run('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      'lint',
      'test',
      'build',
      '-p',
      PROJECT,
      '--outputStyle=static',
      '--skipNxCache',
    ]);
    expect(run.stdout).toMatch(/Successfully ran targets typecheck, lint, test, build/);
    expect(run.stdout).not.toMatch(/warning/);
    expect(fs.existsSync(path.join(ws.root, 'apps', PROJECT, 'dist', 'main.js'))).toBe(true);
  });

  it('adds a model file that libs/pipeline/config-reader accepts in every environment', () => {
    for (const env of ['local', 'dev', 'prod']) {
      // A child process: a shared tool may not import pipeline code, but it may run it.
      const script = `
        const { loadConfig } = require('./libs/pipeline/config-reader/src/index.ts');
        const c = loadConfig({ env: '${env}', configDir: 'configs', processEnv: { PGPASSWORD: 'unused' } });
        console.log(JSON.stringify(c.models['${MODEL}']));`;
      const r = ws.run(process.execPath, ['-r', '@swc-node/register', '-e', script], {
        env: { SWC_NODE_PROJECT: 'tsconfig.base.json' },
      });
      const section = JSON.parse(r.stdout);
      expect(section).toMatchObject({
        team: 'team-itest',
        task: 'classification',
        source: `builtin:${MODEL}`,
      });
      expect(section.image).toMatch(new RegExp(`(^|/)${PROJECT}:`));
      expect(section.evaluation.thresholds).toEqual([{ metric: 'accuracy', op: '>=', value: 0.9 }]);
    }
  });

  it('builds the image and passes test:container (Docker and the sagemaker-runtime base image required)', () => {
    const problem = dockerProblem();
    if (problem) throw new Error(`Docker check failed: ${problem}`);
    // Only this model's image is built here: the base image stays the one the real workspace built
    // (building it in the copy would re-point the shared sagemaker-runtime:latest at the copy's build).
    const baseBefore = imageId(BASE_IMAGE);
    ws.run('npx', ['nx', 'run', `${PROJECT}:build`, '--outputStyle=static']);
    const only = (target: string) =>
      ws.run(
        'npx',
        ['nx', 'run', `${PROJECT}:${target}`, '--excludeTaskDependencies', '--outputStyle=static'],
        {
          timeoutMs: 20 * 60 * 1000,
        },
      );
    only('docker:build');
    const r = only('test:container');
    expect(r.stdout).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    const inspect = spawnSync('docker', ['image', 'inspect', `${PROJECT}:latest`], { encoding: 'utf8' });
    expect(inspect.status).toBe(0);
    expect(imageId(BASE_IMAGE)).toBe(baseBefore);
  });

  it('generates a batch that passes typecheck, lint and test, recording a job row under its name (SQLite)', () => {
    const g = ws.run('npx', ['nx', 'g', '@mlops/workspace-plugin:batch', BATCH]);
    expect(g.stdout).toContain(`CREATE apps/${BATCH_PROJECT}/project.json`);
    const run = ws.run('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      'lint',
      'test',
      '-p',
      BATCH_PROJECT,
      '--outputStyle=static',
      '--skipNxCache',
    ]);
    expect(run.stdout).toMatch(/Successfully ran targets typecheck, lint, test/);
    expect(run.stdout).toMatch(/✓ records its jobs in the database under its own batch name \(SQLite\)/);
  });

  it('passes its own Docker integration test (the image run as SageMaker runs it)', () => {
    const problem = dockerProblem();
    if (problem) throw new Error(`Docker check failed: ${problem}`);
    // The image was built by the test above; building again here would rebuild the base too.
    const r = ws.run(
      'npx',
      ['nx', 'run', `${PROJECT}:integration`, '--excludeTaskDependencies', '--outputStyle=static'],
      {
        timeoutMs: 20 * 60 * 1000,
      },
    );
    expect(r.stdout).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(r.stdout).not.toMatch(/failed/);
  });
});
