import path from 'node:path';
import { PipelineConfigError, getModelConfig, loadConfig, modelS3Uri } from '../src';
import { SHIPPED_CONFIG_DIR, thrown, writeConfig, writeRaw } from './helpers';

describe('loadConfig: shipped configs', () => {
  it('loads local.yaml with both models, parsed thresholds and absolute local paths', () => {
    const config = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    expect(Object.keys(config.models).sort()).toEqual(['iris', 'mpg']);
    expect(config.aws.endpoints.s3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(config.aws.forcePathStyle).toBe(true);
    expect(config.db.type).toBe('sqlite');
    if (config.db.type !== 'sqlite') throw new Error('unreachable');
    expect(path.isAbsolute(config.db.path)).toBe(true);
    expect(config.db.path.startsWith(path.dirname(SHIPPED_CONFIG_DIR))).toBe(true);
    const iris = getModelConfig(config, 'iris');
    expect(iris).toMatchObject({ name: 'iris', team: 'team-iris', task: 'classification' });
    expect(iris.training.hyperparameters).toEqual({ nEstimators: 50, maxDepth: 5, seed: 42 });
    expect(iris.evaluation.thresholds).toEqual([{ metric: 'accuracy', op: '>=', value: 0.9 }]);
    const mpg = getModelConfig(config, 'mpg');
    expect(mpg.team).toBe('team-mpg');
    expect(mpg.evaluation.thresholds[0]).toEqual({ metric: 'rmse', op: '<=', value: 5 });
    expect(modelS3Uri(config, iris, 'raw')).toBe('s3://mlops-local/iris/raw/');
  });

  it('the iris metric definition matches the training log line format', () => {
    const config = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    const [def] = getModelConfig(config, 'iris').training.metricDefinitions;
    expect(new RegExp(def.regex).exec('metric: validation:accuracy=0.9667')?.[1]).toBe('0.9667');
  });

  it.each(['dev', 'prod'])('loads %s.yaml (postgres, no endpoints) with the password from env', (env) => {
    const config = loadConfig({ env, configDir: SHIPPED_CONFIG_DIR, processEnv: { PGPASSWORD: 's3cr3t' } });
    expect(config.aws.endpoints).toEqual({});
    expect(config.db).toMatchObject({ type: 'postgres', port: 5432, password: 's3cr3t' });
    expect(config.aws.roleArn).toContain('123456789012');
  });

  it('dev.yaml without PGPASSWORD names the key and the env var', () => {
    const err = thrown(() => loadConfig({ env: 'dev', configDir: SHIPPED_CONFIG_DIR, processEnv: {} }));
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.message).toContain('db.password');
    expect(err.message).toContain('env var PGPASSWORD is not set');
  });
});

describe('loadConfig: bad config', () => {
  it('wrong type: names file, line, key path, expected and actual; exit code 2', () => {
    // The model's keys live in its file (configs/models/iris.yaml): errors name that file.
    const { configDir, modelFile } = writeConfig([[['models', 'iris', 'training', 'instanceCount'], 'two']]);
    const file = modelFile('iris');
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.issues).toEqual([
      expect.objectContaining({
        file,
        path: 'models.iris.training.instanceCount',
        message: 'expected number, got string "two"',
        line: expect.any(Number),
      }),
    ]);
    expect(err.message).toMatch(
      new RegExp(
        `${escape(file)}:\\d+: models\\.iris\\.training\\.instanceCount: expected number, got string "two"`,
      ),
    );
  });

  it('missing key: says which key is missing and what type was expected', () => {
    const { configDir } = writeConfig([[['aws', 'region'], undefined]]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'aws.region: missing required key (expected string)',
    ]);
  });

  it('collects every problem at once, not just the first', () => {
    const { configDir } = writeConfig([
      [['aws', 'region'], undefined],
      [['models', 'mpg', 'task'], 'clustering'],
      [['models', 'iris', 'processing', 'maxRuntimeInSeconds'], 0],
      [['models', 'iris', 'trainnig'], {}],
    ]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    const byPath = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      'aws.region': 'missing required key (expected string)',
      'models.mpg.task': 'expected one of "classification" | "regression", got string "clustering"',
      'models.iris.processing.maxRuntimeInSeconds': 'expected a value >= 1, got number 0',
      'models.iris.trainnig': 'unknown key (typo?)',
    });
  });

  it('explains union, list-size and mapping mismatches in YAML terms', () => {
    const { configDir } = writeConfig([
      [['models', 'iris', 'training', 'hyperparameters', 'nEstimators'], { nested: 1 }],
      [['models', 'mpg', 'evaluation', 'thresholds'], []],
      [['local'], ['not', 'a', 'mapping']],
    ]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    const byPath = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      'models.iris.training.hyperparameters.nEstimators': 'expected string | number | boolean, got an object',
      'models.mpg.evaluation.thresholds': 'expected >= 1 item(s), got 0',
      local: 'expected a mapping, got an array',
    });
  });

  it('rejects an unknown db type naming the allowed values', () => {
    const { configDir } = writeConfig([[['db', 'type'], 'mysql']]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].path).toBe('db.type');
    expect(err.issues[0].message).toBe('expected one of "sqlite" | "postgres", got string "mysql"');
  });

  it('rejects a malformed threshold and an invalid metric regex', () => {
    const { configDir } = writeConfig([
      [['models', 'iris', 'evaluation', 'thresholds', 0], 'accuracy is high'],
      [['models', 'iris', 'training', 'metricDefinitions', 0, 'regex'], 'accuracy=([0-9'],
    ]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    const byPath = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
    expect(byPath['models.iris.evaluation.thresholds[0]']).toContain('"<metric> <op> <number>"');
    expect(byPath['models.iris.evaluation.thresholds[0]']).toContain('accuracy is high');
    expect(byPath['models.iris.training.metricDefinitions[0].regex']).toContain('valid regular expression');
  });

  it('invalid YAML: names the file and the line', () => {
    const { configDir, file } = writeRaw('aws:\n  region: us-east-1\n  endpoints: [a, b\nmodels: {}\n');
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(`Invalid YAML in ${file}`);
    expect(err.issues[0].line).toBeGreaterThanOrEqual(3);
  });

  it('duplicate keys are invalid YAML, not silently last-wins', () => {
    const { configDir } = writeRaw('reportDir: a\nreportDir: b\n');
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.message).toContain('DUPLICATE_KEY');
  });

  it('a non-mapping document is rejected', () => {
    const { configDir } = writeRaw('- just\n- a list\n');
    const err = thrown(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.message).toContain('expected a mapping at the top level');
  });

  it('unknown environment lists the known ones', () => {
    const err = thrown(() => loadConfig({ env: 'staging', configDir: SHIPPED_CONFIG_DIR, processEnv: {} }));
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.message).toContain('known environments: dev, local, prod');
  });

  it('refuses environment names that could escape the config dir', () => {
    const err = thrown(() =>
      loadConfig({ env: '../etc/passwd', configDir: SHIPPED_CONFIG_DIR, processEnv: {} }),
    );
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.message).toContain('Invalid environment name');
  });
});

describe('secrets', () => {
  it('a literal password in the file is an error that does not echo the value', () => {
    const { configDir } = writeConfig([
      [['db'], { type: 'postgres', host: 'db', database: 'm', user: 'u', password: 'hunter2' }],
    ]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.issues.map((i) => i.path)).toEqual(['db.password']);
    expect(err.message).toContain('secret values are not allowed in config files');
    expect(err.message).toContain('env:PGPASSWORD');
    expect(err.message).not.toContain('hunter2');
  });

  it('any secret-looking key with a literal is rejected, even a number', () => {
    const { configDir } = writeConfig([[['aws', 'secretAccessKey'], 12345]]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    const issue = err.issues.find((i) => i.path === 'aws.secretAccessKey');
    expect(issue?.message).toContain('secret values are not allowed');
    expect(err.message).not.toContain('12345');
  });

  it('the password may come from an MLOPS__ env override', () => {
    const { configDir } = writeConfig([[['db'], { type: 'postgres', host: 'db', database: 'm', user: 'u' }]]);
    const config = loadConfig({ env: 'local', configDir, processEnv: { MLOPS__DB__PASSWORD: 'from-env' } });
    expect(config.db).toMatchObject({ type: 'postgres', password: 'from-env' });
  });

  it('an unsupported reference scheme is rejected', () => {
    const { configDir } = writeConfig([
      [['db'], { type: 'postgres', host: 'db', database: 'm', user: 'u', password: 'vault:secret/db' }],
    ]);
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: {} }),
    ) as unknown as PipelineConfigError;
    expect(err.issues.map((i) => i.path)).toEqual(['db.password']);
    expect(err.message).not.toContain('vault:secret/db');
  });
});

describe('getModelConfig', () => {
  it('unknown model: PipelineConfigError listing the known models', () => {
    const config = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    const err = thrown(() => getModelConfig(config, 'mnist')) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('Unknown model "mnist"');
    expect(err.message).toContain('known models: iris, mpg');
  });

  it('does not treat Object.prototype members as models', () => {
    const config = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    expect(() => getModelConfig(config, 'constructor')).toThrow('Unknown model "constructor"');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
