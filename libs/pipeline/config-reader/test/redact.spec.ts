import { loadConfig, redactConfig } from '../src';
import { SHIPPED_CONFIG_DIR } from './helpers';

describe('redactConfig', () => {
  it('hides resolved secrets and leaves the config itself intact', () => {
    const config = loadConfig({
      env: 'dev',
      configDir: SHIPPED_CONFIG_DIR,
      processEnv: { PGPASSWORD: 'pw-123' },
    });
    const shown = redactConfig(config);
    expect(JSON.stringify(shown)).not.toContain('pw-123');
    expect(shown.db).toMatchObject({ type: 'postgres', password: '***', user: 'mlops' });
    expect(shown.models.iris.training.hyperparameters).toEqual(config.models.iris.training.hyperparameters);
    expect(config.db).toMatchObject({ password: 'pw-123' });
  });
});
