import { assertNoPlaceholders, PipelineConfigError, loadConfig } from '../src';
import { SHIPPED_CONFIG_DIR, thrown } from './helpers';

describe('assertNoPlaceholders', () => {
  it('flags the shipped dev.yaml placeholders with their key paths', () => {
    const config = loadConfig({ env: 'dev', configDir: SHIPPED_CONFIG_DIR, processEnv: { PGPASSWORD: 'x' } });
    const err = thrown(() => assertNoPlaceholders(config)) as unknown as PipelineConfigError;
    expect(err).toBeInstanceOf(PipelineConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.issues.map((i) => i.path)).toEqual([
      'aws.roleArn',
      'aws.bucket',
      'db.host',
      'models.iris.image',
      'models.mpg.image',
    ]);
    expect(err.message).toContain('<your-bucket>');
    expect(err.message).toContain('123456789012');
  });

  it('passes once every placeholder is overridden', () => {
    const dev = loadConfig({
      env: 'dev',
      configDir: SHIPPED_CONFIG_DIR,
      processEnv: {
        PGPASSWORD: 'x',
        MLOPS__AWS__BUCKET: 'acme-mlops-dev',
        MLOPS__AWS__ROLE_ARN: 'arn:aws:iam::210987654321:role/mlops',
        MLOPS__DB__HOST: 'mlops-dev.db.acme.net',
        MLOPS__MODELS__IRIS__IMAGE: '210987654321.dkr.ecr.eu-west-1.amazonaws.com/container-iris:abc1234',
        MLOPS__MODELS__MPG__IMAGE: '210987654321.dkr.ecr.eu-west-1.amazonaws.com/container-mpg:abc1234',
      },
    });
    expect(() => assertNoPlaceholders(dev)).not.toThrow();
  });
});
