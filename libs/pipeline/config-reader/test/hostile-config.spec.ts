// Probes from issue 15: prototype keys, secret detection by value and exact key name, and errors that
// always name the file (alias bomb, a directory where the file should be).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PipelineConfigError, loadConfig } from '../src';
import { thrown, writeConfig, writeRaw } from './helpers';

const HP = ['models', 'iris', 'training', 'hyperparameters'];

function configError(fn: () => unknown): PipelineConfigError {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(PipelineConfigError);
  return err as unknown as PipelineConfigError;
}

describe('prototype keys are refused, naming the path', () => {
  it.each([
    [[...HP, '__proto__'], { polluted: true }, 'models.iris.training.hyperparameters.__proto__'],
    [[...HP, 'constructor'], 1, 'models.iris.training.hyperparameters.constructor'],
    [['models', 'iris', 'evaluation', 'prototype'], 'x', 'models.iris.evaluation.prototype'],
    [['constructor'], { a: 1 }, 'constructor'],
  ])('%j', (keyPath, value, where) => {
    const { configDir, fileOf } = writeConfig([[keyPath, value]]);
    const file = fileOf(keyPath);
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      expect.objectContaining({ file, path: where, message: expect.stringContaining('prototype key') }),
    ]);
    expect(err.message).toContain(file);
  });

  it('inside a list, too', () => {
    const { configDir, modelFile } = writeConfig([
      [['models', 'iris', 'training', 'metricDefinitions', 0, '__proto__'], 'x'],
    ]);
    const file = modelFile('iris');
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues[0]).toMatchObject({
      file,
      path: 'models.iris.training.metricDefinitions[0].__proto__',
    });
  });

  it('from an env override, naming the variable', () => {
    const { configDir } = writeConfig();
    const err = configError(() =>
      loadConfig({
        env: 'local',
        configDir,
        processEnv: { MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__CONSTRUCTOR: '1' },
      }),
    );
    expect(err.issues).toEqual([
      expect.objectContaining({
        envVar: 'MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__CONSTRUCTOR',
        message: expect.stringContaining('prototype key'),
      }),
    ]);
  });
});

describe('secrets are judged by value and by exact key name', () => {
  it('maxTokens and tokenizer are hyperparameters, not secrets', () => {
    const { configDir } = writeConfig([
      [[...HP, 'maxTokens'], 128],
      [[...HP, 'tokenizer'], 'bpe'],
      [[...HP, 'tokenBudget'], 4096],
    ]);
    const config = loadConfig({ env: 'local', configDir, processEnv: {} });
    expect(config.models.iris.training.hyperparameters).toMatchObject({ maxTokens: 128, tokenizer: 'bpe' });
  });

  it.each([
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    [
      'a private key block',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      'a private key',
    ],
    ['a long high-entropy string', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'a long high-entropy string'],
  ])('%s under an innocent key is refused without echoing it', (_l, value, what) => {
    const { configDir, modelFile } = writeConfig([[[...HP, 'note'], value]]);
    const file = modelFile('iris');
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.issues).toEqual([
      expect.objectContaining({ file, path: 'models.iris.training.hyperparameters.note' }),
    ]);
    expect(err.message).toContain(what);
    expect(err.message).not.toContain(value.slice(4, 20));
  });

  it('digests, ARNs and long readable names are not taken for secrets', () => {
    const { configDir } = writeConfig([
      [['models', 'iris', 'image'], `container-iris@sha256:${'0123456789abcdef'.repeat(4)}`],
      [[...HP, 'runName'], 'iris-baseline-with-longer-trees-2026-12-03'],
    ]);
    expect(() => loadConfig({ env: 'local', configDir, processEnv: {} })).not.toThrow();
  });

  it.each(['password', 'apiKey', 'secret_access_key', 'sessionToken', 'token'])(
    'the exact secret key name %s with a literal is refused',
    (key) => {
      const { configDir } = writeConfig([[[...HP, key], 'x']]);
      const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
      expect(err.message).toContain('secret values are not allowed in config files');
    },
  );
});

describe('every config error names the file, on one line when there is one problem', () => {
  it('a YAML alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const { configDir, file } = writeRaw(lines.join('\n') + '\n');
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.message).toMatch(new RegExp(`^Invalid YAML in ${file}: .*alias`));
    expect(err.message.split('\n')).toHaveLength(1);
  });

  it('a config path that is a directory', () => {
    const { configDir, file } = writeRaw('x: 1\n', 'other');
    mkdirSync(path.join(configDir, 'local.yaml'));
    const err = configError(() => loadConfig({ env: 'local', configDir, processEnv: {} }));
    expect(err.message).toBe(`Cannot read config ${path.join(configDir, 'local.yaml')}: it is a directory`);
    expect(file).not.toBe(path.join(configDir, 'local.yaml'));
  });

  it('an invalid environment name names the config dir it was looked up in', () => {
    const { configDir } = writeConfig();
    const err = configError(() => loadConfig({ env: '../x', configDir, processEnv: {} }));
    expect(err.message).toContain(configDir);
    expect(err.message.split('\n')).toHaveLength(1);
  });
});
