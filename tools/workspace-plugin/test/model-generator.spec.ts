import { readJson, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parse } from 'yaml';
import { GeneratorInputError } from '../src/errors/generator-input-error';
import { modelGenerator } from '../src/generators/model/generator';
import { TEMPLATE_SETTINGS } from '../src/generators/model/template-settings';
import { DEV_YAML, LOCAL_YAML, seedWorkspace } from './support/fixtures';

const generate = (tree: Tree, name: string, owner = '@acme/team-foo') =>
  modelGenerator(tree, { name, owner, skipFormat: true });

/** Every file under a directory of the tree. */
function filesUnder(tree: Tree, dir: string): string[] {
  return tree.children(dir).flatMap((c) => {
    const p = `${dir}/${c}`;
    return tree.isFile(p) ? [p] : filesUnder(tree, p);
  });
}

describe('model generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedWorkspace(tree);
  });

  it('creates the app with the four jobs, Dockerfile and tests on the shared libs, fully rendered', async () => {
    await generate(tree, 'fraud');
    const root = 'apps/container-fraud';
    for (const f of [
      'Dockerfile',
      '.dockerignore',
      'package.json',
      'project.json',
      'tsconfig.json',
      'jest.config.js',
      'eslint.config.mjs',
      'src/main.ts',
      'src/jobs/preprocess.ts',
      'src/jobs/training.ts',
      'src/jobs/evaluation.ts',
      'src/jobs/inference.ts',
      'test/pipeline.spec.ts',
      'test/image.integration.ts',
      'jest.integration.config.js',
      'README.md',
    ])
      expect(tree.isFile(`${root}/${f}`)).toBe(true);
    const files = filesUnder(tree, root);
    expect(files.some((f) => f.endsWith('__tmpl__'))).toBe(false);
    for (const f of files) {
      const text = tree.read(f, 'utf-8') ?? '';
      expect({ f, ejs: /<%|%>/.test(text) }).toEqual({ f, ejs: false });
      expect({ f, iris: /container-iris|'iris'|iris-forest/.test(text) }).toEqual({ f, iris: false });
    }
    // Model code only: what is model-independent comes from the libs, as in the iris and mpg apps.
    expect(filesUnder(tree, `${root}/src/utils`).sort()).toEqual(
      ['dataset.ts', 'linear.spec.ts', 'linear.ts', 'model.ts', 'schema.ts'].map(
        (f) => `${root}/src/utils/${f}`,
      ),
    );
    expect(tree.exists(`${root}/tools`)).toBe(false);
    expect(tree.read(`${root}/src/main.ts`, 'utf-8')).toContain(
      "import { runContainerMain } from '@mlops/ml-kit';",
    );
    for (const job of ['preprocess', 'training', 'evaluation', 'inference'])
      expect(tree.read(`${root}/src/jobs/${job}.ts`, 'utf-8')).toMatch(/from '@mlops\/ml-kit';/);
    expect(tree.read(`${root}/src/utils/schema.ts`, 'utf-8')).toContain("export const MODEL_NAME = 'fraud';");
    expect(tree.read(`${root}/src/utils/model.ts`, 'utf-8')).toContain('export interface FraudModel {');
    expect(readJson(tree, `${root}/package.json`)).toMatchObject({
      name: '@mlops/container-fraud',
      dependencies: {},
    });
    expect(tree.read('data/fraud/fraud.csv', 'utf-8')).toMatch(
      /^sepal_length,sepal_width,petal_length,petal_width,species\n/,
    );
  });

  it('tags the project and records the owner in metadata', async () => {
    await generate(tree, 'fraud', '@acme/Team_Fraud');
    const project = readJson(tree, 'apps/container-fraud/project.json');
    expect(project.name).toBe('container-fraud');
    expect(project.tags).toEqual(['type:app', 'platform:container', 'scope:fraud']);
    expect(project.metadata).toEqual({ owner: '@acme/Team_Fraud' });
    // The shared bundle script, as apps/container-iris and apps/container-mpg use it.
    expect(project.targets.build.options.command).toBe(
      'node tools/build/bundle-container-app.mjs apps/container-fraud',
    );
    expect(Object.keys(project.targets).sort()).toEqual([
      'build',
      'docker:push',
      'integration',
      'test',
      'test:container',
      'typecheck',
    ]);
    // The raw data is an input of the tests, and the image builds on the runtime base image.
    expect(project.targets.test.inputs).toContain('{workspaceRoot}/data/fraud/**/*');
    expect(project.implicitDependencies).toEqual(['sagemaker-runtime']);
  });

  it('writes configs/models/<name>.yaml following the reference model; environment files untouched', async () => {
    await generate(tree, 'fraud', '@acme/Team_Fraud');
    expect(tree.read('configs/local.yaml', 'utf-8')).toBe(LOCAL_YAML);
    expect(tree.read('configs/dev.yaml', 'utf-8')).toBe(DEV_YAML);
    const text = tree.read('configs/models/fraud.yaml', 'utf-8') ?? '';
    expect(text).toMatch(/^# Model "fraud": owned by its team/);
    expect(text).toContain("regex: 'validation:accuracy=([0-9.eE+-]+)'");
    expect(parse(text)).toEqual({
      team: 'team-fraud',
      task: TEMPLATE_SETTINGS.task,
      image: 'container-fraud:latest',
      source: 'builtin:fraud',
      training: {
        instanceType: 'ml.m5.large',
        instanceCount: 1,
        volumeSizeInGB: 10,
        maxRuntimeInSeconds: 600,
        hyperparameters: TEMPLATE_SETTINGS.hyperparameters,
        metricDefinitions: TEMPLATE_SETTINGS.metricDefinitions,
      },
      processing: {
        instanceType: 'ml.t3.medium',
        instanceCount: 1,
        volumeSizeInGB: 10,
        maxRuntimeInSeconds: 600,
      },
      evaluation: { thresholds: TEMPLATE_SETTINGS.thresholds },
      s3Prefixes: {
        raw: 'fraud/raw/',
        processed: 'fraud/processed/',
        models: 'fraud/models/',
        evaluation: 'fraud/evaluation/',
        inference: 'fraud/inference/',
      },
      // The reference model's per-environment overrides, with this model's image repository.
      env: {
        dev: {
          image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-fraud:v1',
          training: { volumeSizeInGB: 30, maxRuntimeInSeconds: 3600 },
          processing: { volumeSizeInGB: 30 },
        },
        prod: { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-fraud:v1' },
      },
    });
  });

  it('with no model file to follow, the defaults and no env section', async () => {
    tree.delete('configs/models/iris.yaml');
    await generate(tree, 'fraud');
    const section = parse(tree.read('configs/models/fraud.yaml', 'utf-8') ?? '');
    expect(section.image).toBe('container-fraud:latest');
    expect(section.training.volumeSizeInGB).toBe(10);
    expect(section).not.toHaveProperty('env');
  });

  it('config hyperparameters are the defaults the template code has', async () => {
    await generate(tree, 'fraud');
    const code = tree.read('apps/container-fraud/src/jobs/hyperparameters.ts', 'utf-8') ?? '';
    for (const [key, value] of Object.entries(TEMPLATE_SETTINGS.hyperparameters))
      expect(code).toContain(`  ${key}: ${value},`);
    const training = tree.read('apps/container-fraud/src/jobs/training.ts', 'utf-8') ?? '';
    expect(training).toContain("logMetric('validation:accuracy'");
    const evaluation = tree.read('apps/container-fraud/src/jobs/evaluation.ts', 'utf-8') ?? '';
    expect(evaluation).toContain('metrics: { accuracy: r.accuracy');
  });

  it('adds the CODEOWNERS entries (app and model file) in the generated block, sorted by path', async () => {
    await generate(tree, 'fraud', '@acme/team-fraud');
    const codeowners = tree.read('.github/CODEOWNERS', 'utf-8') ?? '';
    expect(codeowners).toContain(
      [
        '# BEGIN generated from project.json metadata.owner (node tools/ci/codeowners.mjs)',
        '/apps/container-fraud/                   @acme/team-fraud',
        '/apps/container-iris/                    @mlops/team-iris',
        '/configs/models/fraud.yaml               @acme/team-fraud',
        '/configs/models/iris.yaml                @mlops/team-iris',
        '# END generated',
      ].join('\n'),
    );
    expect(
      codeowners.startsWith('# Ownership per project.\n*                           @mlops/platform\n'),
    ).toBe(true);
  });
});

describe('model generator refuses bad input and writes nothing', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seedWorkspace(tree);
  });

  /** Runs the generator expecting a GeneratorInputError; returns its message. */
  async function refused(name: string, owner = '@acme/team-x'): Promise<string> {
    const before = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    let error: unknown;
    try {
      await generate(tree, name, owner);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GeneratorInputError);
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(before);
    return (error as Error).message;
  }

  it.each([
    ['Fraud', /model name "Fraud" is invalid: use lowercase letters/],
    ['fraud_v2', /model name "fraud_v2" is invalid/],
    ['2fraud', /model name "2fraud" is invalid/],
    ['fraud-', /model name "fraud-" is invalid/],
    ['fraud--v2', /model name "fraud--v2" is invalid/],
    ['fraud.v2', /model name "fraud.v2" is invalid/],
    ['shared', /model name "shared" is reserved/],
    ['', /model name is missing/],
  ])('invalid name %j', async (name, message) => {
    expect(await refused(name)).toMatch(message);
  });

  it('a name over the job-name budget (20 chars; the max is 19)', async () => {
    expect(await refused('a'.repeat(20))).toMatch(
      /model name "a{20}" is 20 chars, over the 19-char budget: SageMaker job names/,
    );
  });

  it('an existing model app', async () => {
    expect(await refused('iris')).toMatch(/apps\/container-iris already exists/);
  });

  it('a model that only exists in a config file, naming the file', async () => {
    tree.write('configs/prod.yaml', `${DEV_YAML}\nmodels:\n  fraud: {}\n`);
    expect(await refused('fraud')).toBe('configs/prod.yaml: model "fraud" already exists (models.fraud)');
  });

  it('an existing model file', async () => {
    tree.write('configs/models/fraud.yaml', 'team: team-x\n');
    expect(await refused('fraud')).toBe('configs/models/fraud.yaml already exists');
  });

  it('a model file to follow that is not valid YAML, naming it', async () => {
    tree.write('configs/models/iris.yaml', 'team: [unclosed\n');
    expect(await refused('fraud')).toMatch(/^configs\/models\/iris\.yaml: not valid YAML/);
  });

  it('a config file that is not valid YAML, naming the file', async () => {
    tree.write('configs/dev.yaml', 'models:\n  iris: [unclosed\n');
    expect(await refused('fraud')).toMatch(/^configs\/dev\.yaml: not valid YAML/);
  });

  it('an existing data dir', async () => {
    tree.write('data/fraud/other.csv', 'a,b\n');
    expect(await refused('fraud')).toBe('data/fraud already exists');
  });

  it.each([
    ['team a', /--owner "team a" is not a GitHub @user, @org\/team or email/],
    ['', /--owner is missing/],
  ])('owner %j', async (owner, message) => {
    expect(await refused('fraud', owner)).toMatch(message);
  });

  it('lists every problem at once', async () => {
    const message = await refused('Bad_Name_That_Is_Far_Too_Long', 'nobody');
    expect(message).toMatch(/^Invalid input:\n- model name .* is invalid/);
    expect(message).toMatch(/is 29 chars, over the 19-char budget/);
    expect(message).toMatch(/--owner "nobody" is not a GitHub/);
  });
});
