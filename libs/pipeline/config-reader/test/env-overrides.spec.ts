import { PipelineConfigError, loadConfig } from '../src';
import { thrown, writeConfig } from './helpers';

describe('MLOPS__ env overrides', () => {
  it('MLOPS__AWS__REGION sets aws.region', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({ env: 'local', configDir, processEnv: { MLOPS__AWS__REGION: 'eu-west-1' } });
    expect(config.aws.region).toBe('eu-west-1');
  });

  it('matches camelCase keys from SNAKE_CASE segments and parses scalars', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({
      env: 'local',
      configDir,
      processEnv: {
        MLOPS__AWS__FORCE_PATH_STYLE: 'false',
        MLOPS__MODELS__IRIS__TRAINING__INSTANCE_COUNT: '3',
        MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__N_ESTIMATORS: '7',
        MLOPS__LOCAL__RUNTIME: 'process',
        UNRELATED: 'ignored',
      },
    });
    expect(config.aws.forcePathStyle).toBe(false);
    expect(config.models.iris.training.instanceCount).toBe(3);
    expect(config.models.iris.training.hyperparameters.nEstimators).toBe(7);
    expect(config.local.runtime).toBe('process');
  });

  it('can add a key that the file omits', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({
      env: 'local',
      configDir,
      processEnv: { MLOPS__AWS__ENDPOINTS__ECR: 'http://127.0.0.1:4999' },
    });
    expect(config.aws.endpoints.ecr).toBe('http://127.0.0.1:4999');
  });

  it('a bad override value is reported against the env var, not a file line', () => {
    const { configDir } = writeConfig();
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: { MLOPS__LOCAL__RUNTIME: 'kubernetes' } }),
    ) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.issues).toEqual([
      expect.objectContaining({ path: 'local.runtime', envVar: 'MLOPS__LOCAL__RUNTIME' }),
    ]);
    expect(err.issues[0].line).toBeUndefined();
    expect(err.message).toContain('local.runtime (from env MLOPS__LOCAL__RUNTIME)');
    expect(err.message).toContain('"kubernetes"');
  });

  it('overriding inside a scalar is an error naming the env var', () => {
    const { configDir } = writeConfig();
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: { MLOPS__AWS__REGION__NAME: 'x' } }),
    ) as unknown as PipelineConfigError;
    expect(err.issues[0]).toMatchObject({ path: 'aws.region', envVar: 'MLOPS__AWS__REGION__NAME' });
  });

  it('a malformed override name is an error', () => {
    const { configDir } = writeConfig();
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: { MLOPS__AWS____REGION: 'x' } }),
    );
    expect(err.message).toContain('malformed override name');
  });
});

describe('MLOPS__DB__TYPE switches the database without a copied config', () => {
  const pgEnv = {
    MLOPS__DB__TYPE: 'postgres',
    MLOPS__DB__HOST: '127.0.0.1',
    MLOPS__DB__DATABASE: 'test',
    MLOPS__DB__USER: 'postgres',
    MLOPS__DB__SCHEMA: 'mlops_local',
  };

  it('local (sqlite) → postgres: the db section is the overrides only (no "db.path: unknown key")', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({ env: 'local', configDir, processEnv: pgEnv });
    expect(config.db).toEqual({
      type: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      database: 'test',
      user: 'postgres',
      schema: 'mlops_local',
      ssl: false,
    });
  });

  it('the same type merges as before (MLOPS__DB__PATH alone, or TYPE=sqlite with it)', () => {
    const { configDir } = writeConfig();
    const config = loadConfig({
      env: 'local',
      configDir,
      processEnv: { MLOPS__DB__TYPE: 'sqlite', MLOPS__DB__PATH: '/tmp/x.sqlite' },
    });
    expect(config.db).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite' });
  });

  it('a switched section missing a required key names it and the env var of the switch', () => {
    const { configDir } = writeConfig();
    const { MLOPS__DB__USER: _omitted, ...env } = pgEnv;
    const err = thrown(() =>
      loadConfig({ env: 'local', configDir, processEnv: env }),
    ) as unknown as PipelineConfigError;
    expect(err.issues.map((i) => i.path)).toEqual(['db.user']);
    expect(err.message).toMatch(/db\.user: missing required key/);
  });

  it('postgres in the file → MLOPS__DB__TYPE=sqlite: host, user, ... of the file are dropped', () => {
    const { configDir } = writeConfig([
      [['db'], { type: 'postgres', host: 'db.internal', database: 'mlops', user: 'mlops', ssl: true }],
    ]);
    const config = loadConfig({
      env: 'local',
      configDir,
      processEnv: { MLOPS__DB__TYPE: 'sqlite', MLOPS__DB__PATH: '/tmp/switched.sqlite' },
    });
    expect(config.db).toEqual({ type: 'sqlite', path: '/tmp/switched.sqlite' });
  });
});
