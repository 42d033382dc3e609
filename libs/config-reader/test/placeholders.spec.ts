import { assertNoPlaceholders, ConfigError, loadConfig } from '../src';
import { SHIPPED_CONFIG_DIR, thrown } from './helpers';

describe('assertNoPlaceholders', () => {
  it('flags the shipped dev.yaml placeholders with their key paths', () => {
    const config = loadConfig({ env: 'dev', configDir: SHIPPED_CONFIG_DIR, processEnv: { PGPASSWORD: 'x' } });
    const err = thrown(() => assertNoPlaceholders(config)) as unknown as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.exitCode).toBe(2);
    expect(err.issues.map((i) => i.path)).toEqual(['aws.bucket']);
    expect(err.message).toContain('<your-bucket>');
  });

  it('passes once the placeholders are overridden, and for local.yaml', () => {
    const dev = loadConfig({
      env: 'dev',
      configDir: SHIPPED_CONFIG_DIR,
      processEnv: { PGPASSWORD: 'x', MLOPS__AWS__BUCKET: 'acme-mlops-dev' },
    });
    expect(() => assertNoPlaceholders(dev)).not.toThrow();
    const local = loadConfig({ env: 'local', configDir: SHIPPED_CONFIG_DIR, processEnv: {} });
    expect(() => assertNoPlaceholders(local)).not.toThrow();
  });
});
