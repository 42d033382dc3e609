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
