import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PipelineConfigError, getModelConfig, loadConfig, loadModels } from '../src';
import { SHIPPED_CONFIG_DIR, thrown, writeConfig } from './helpers';

const configError = (fn: () => unknown) => thrown(fn) as unknown as PipelineConfigError;

describe('model files (configs/models/<model>.yaml) merged with the environment', () => {
  it('the shipped model files hold each model once; env.<name> overrides what differs', () => {
    const local = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    const dev = loadConfig({ env: 'dev', configDir: SHIPPED_CONFIG_DIR, processEnv: { PGPASSWORD: 'x' } });
    expect(local.models.iris.image).toBe('container-iris:latest');
    expect(dev.models.iris.image).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com/container-iris:latest');
    expect([local.models.iris.training.volumeSizeInGB, dev.models.iris.training.volumeSizeInGB]).toEqual([
      10, 30,
    ]);
    // Keys the env section does not set come from the model's own keys.
    expect(dev.models.mpg.training.hyperparameters).toEqual(local.models.mpg.training.hyperparameters);
    expect(dev.models.mpg.training.instanceType).toBe('ml.m5.large');
  });

  it('a bad value in a model file names that file, its line and the merged key', () => {
    const { configDir, modelFile } = writeConfig([[['models', 'mpg', 'task'], 'clustering']]);
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      {
        file: modelFile('mpg'),
        line: 5,
        path: 'models.mpg.task',
        message: 'expected one of "classification" | "regression", got string "clustering"',
      },
    ]);
    expect(err.message).toContain(`${modelFile('mpg')}:5: models.mpg.task: expected one of`);
  });

  it("a bad value in a model file's env section points at that section's line", () => {
    const { configDir, modelFile } = writeConfig([
      [['models', 'iris', 'env', 'dev', 'training', 'volumeSizeInGB'], 'big'],
    ]);
    const err = configError(() => loadConfig({ env: 'dev', configDir, processEnv: { PGPASSWORD: 'x' } }));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({
      file: modelFile('iris'),
      path: 'models.iris.training.volumeSizeInGB',
      message: 'expected number, got string "big"',
    });
    expect(err.issues[0].line).toBeGreaterThan(30); // in `env.dev`, after the model's own keys
  });

  it("the environment file's models.<name> overrides the model file, and its errors name the env file", () => {
    const ok = writeConfig([[['models', 'iris', 'image'], 'container-iris:pinned']]);
    writeFileSync(ok.file, `${readFileSync(ok.file, 'utf8')}\nmodels:\n  iris:\n    image: my-iris:1\n`);
    const config = loadConfig({ env: 'local', configDir: ok.configDir, processEnv: {} });
    expect(config.models.iris.image).toBe('my-iris:1');
    expect(config.models.iris.team).toBe('team-iris');

    const bad = writeConfig();
    writeFileSync(bad.file, `${readFileSync(bad.file, 'utf8')}\nmodels:\n  iris:\n    image: 7\n`);
    const err = configError(() => loadConfig({ env: 'local', configDir: bad.configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      expect.objectContaining({
        file: bad.file,
        path: 'models.iris.image',
        message: 'expected string, got number 7',
      }),
    ]);
  });

  it('an MLOPS__MODELS__ override applies to the merged model', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({
      env: 'local',
      configDir,
      processEnv: { MLOPS__MODELS__MPG__TRAINING__INSTANCE_COUNT: '2' },
    });
    expect(config.models.mpg.training.instanceCount).toBe(2);
  });

  it('an env section for an unknown environment is a typo, named with file and line', () => {
    const { configDir, modelFile } = writeConfig([[['models', 'iris', 'env', 'prd'], { image: 'x:1' }]]);
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      {
        file: modelFile('iris'),
        line: expect.any(Number),
        path: 'models.iris.env.prd',
        message: 'unknown environment (known: dev, local, prod); there is no prd.yaml beside models/',
      },
    ]);
  });

  it('env must be a mapping of environments, each a mapping', () => {
    const list = writeConfig([[['models', 'iris', 'env'], ['dev']]]);
    expect(
      configError(() => loadConfig({ env: 'local', configDir: list.configDir, processEnv: {} })).issues[0],
    ).toMatchObject({
      file: list.modelFile('iris'),
      path: 'models.iris.env',
      message: expect.stringContaining('expected a mapping'),
    });
    const scalar = writeConfig([[['models', 'iris', 'env', 'dev'], 'big']]);
    expect(
      configError(() => loadConfig({ env: 'local', configDir: scalar.configDir, processEnv: {} })).issues[0],
    ).toMatchObject({
      path: 'models.iris.env.dev',
      message: 'expected a mapping of the model keys this environment overrides',
    });
  });

  it('a model file whose name is not a model name is refused, naming it', () => {
    const { configDir } = writeConfig();
    const file = path.join(configDir, 'models', 'Iris Copy.yaml');
    writeFileSync(file, 'team: x\n');
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      expect.objectContaining({ file, message: expect.stringContaining('rename it') }),
    ]);
  });

  it('a deleted model file removes the model; asking for it names the config and the models dir', () => {
    const { configDir } = writeConfig([[['models', 'mpg'], undefined]]);
    const config = loadConfig({ env: 'local', configDir, processEnv: {} });
    expect(Object.keys(config.models)).toEqual(['iris']);
    expect(thrown(() => getModelConfig(config, 'mpg')).message).toBe(
      `Unknown model "mpg" in ${config.file}; known models: iris (one file each in ${path.join(configDir, 'models')}/)`,
    );
  });

  it('invalid YAML in a model file names the model file', () => {
    const { configDir, modelFile } = writeConfig();
    writeFileSync(modelFile('iris'), 'team: [unclosed\n');
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.message).toContain(`Invalid YAML in ${modelFile('iris')}`);
  });

  it('with no models at all, the missing models mapping is named', () => {
    const { configDir, file } = writeConfig();
    rmSync(path.join(configDir, 'models'), { recursive: true });
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([expect.objectContaining({ file, path: 'models' })]);
  });
});

describe('loadModels (the models alone, no platform sections or secrets)', () => {
  it('gives the merged, validated models of dev without PGPASSWORD, and the file of each', () => {
    const { models, files } = loadModels({ env: 'dev', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    expect(Object.keys(models).sort()).toEqual(['iris', 'mpg']);
    expect(models.iris.image).toMatch(/\.dkr\.ecr\./);
    expect(models.mpg.s3Prefixes.raw).toBe('mpg/raw/');
    expect(files.iris).toBe(path.join(SHIPPED_CONFIG_DIR, 'models', 'iris.yaml'));
  });

  it('ignores problems outside the models (a literal password in the environment file)', () => {
    const { configDir } = writeConfig([[['db', 'password'], 'hunter2']]);
    expect(() => loadConfig({ env: 'local', configDir, processEnv: {} })).toThrow('db.password');
    expect(Object.keys(loadModels({ env: 'local', configDir, processEnv: {} }).models)).toEqual([
      'iris',
      'mpg',
    ]);
  });

  it('reports only model problems, naming the model file', () => {
    const { configDir, modelFile } = writeConfig([
      [['aws', 'region'], undefined],
      [['models', 'iris', 's3Prefixes', 'raw'], 's3://elsewhere/raw/'],
    ]);
    const err = configError(() => loadModels({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      expect.objectContaining({ file: modelFile('iris'), path: 'models.iris.s3Prefixes.raw' }),
    ]);
  });
});
