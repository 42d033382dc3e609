// Property-based tests (fast-check) over the config reader: whatever the file text, the keys and the
// overrides, loading either succeeds or fails with a PipelineConfigError that names the file; hyperparameters
// come through exactly or are refused, never silently dropped. Bounded runs keep this to a few seconds.
import * as fc from 'fast-check';
import { PipelineConfigError, loadConfig } from '../src';
import { isSecretKey, secretValueKind } from '../src/secrets';
import { writeConfig, writeRaw } from './helpers';

function load(configDir: string, processEnv: NodeJS.ProcessEnv = {}) {
  try {
    return { config: loadConfig({ env: 'local', configDir, processEnv }) };
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineConfigError);
    return { error: e as PipelineConfigError };
  }
}

test('any text: a config or a PipelineConfigError naming the file, nothing else', () => {
  const yamlish = fc.stringMatching(/^[a-z_&*:[\]{}"'\n #!|>0-9.-]{0,80}$/);
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 80 }), yamlish), (text) => {
      const { configDir, file } = writeRaw(text);
      const { error } = load(configDir);
      expect(error?.message ?? file).toContain(file);
    }),
    { numRuns: 150 },
  );
});

test('hyperparameters come through exactly, or the load fails naming the file', () => {
  const key = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'maxTokens', 'tokenizer', 'password', 'token'),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
  );
  const value = fc.oneof(fc.integer(), fc.boolean(), fc.stringMatching(/^[A-Za-z0-9 ._-]{1,20}$/));
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (hp) => {
      const entries = Object.entries(hp);
      // fc.dictionary defines __proto__ as an own key, as a YAML mapping would.
      const { configDir, modelFile } = writeConfig([[['models', 'iris', 'training', 'hyperparameters'], hp]]);
      const file = modelFile('iris');
      const { config, error } = load(configDir);
      if (error) {
        expect(error.message).toContain(file);
        const names = error.issues.map((i) => i.path.split('.').pop());
        expect(names.every((n) => n !== undefined && n in hp)).toBe(true);
      } else {
        const got = config?.models.iris.training.hyperparameters ?? {};
        expect(Object.entries(got).map(([k, v]) => [k, String(v)])).toEqual(
          entries.map(([k, v]) => [k, String(v)]),
        );
        expect(entries.some(([k]) => ['__proto__', 'constructor', 'prototype'].includes(k))).toBe(false);
      }
    }),
    { numRuns: 60 },
  );
});

test('any MLOPS__ override: applied, or a PipelineConfigError naming the variable', () => {
  const seg = fc.oneof(
    fc.constantFrom(
      'MODELS',
      'IRIS',
      'TRAINING',
      'HYPERPARAMETERS',
      'CONSTRUCTOR',
      'PROTOTYPE',
      'AWS',
      'REGION',
    ),
    fc.stringMatching(/^[A-Z_]{0,6}$/),
  );
  const { configDir } = writeConfig();
  fc.assert(
    fc.property(fc.array(seg, { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 10 }), (segs, v) => {
      const envVar = `MLOPS__${segs.join('__')}`;
      const { error } = load(configDir, { [envVar]: v });
      if (error) expect(error.message).toMatch(new RegExp(`${configDir}|${envVar}`));
    }),
    { numRuns: 100 },
  );
});

test('secret key names are exact: a word around "token" or "password" makes an ordinary key', () => {
  const word = fc.stringMatching(/^[a-z]{1,8}$/);
  fc.assert(
    fc.property(
      word,
      fc.constantFrom('token', 'Token', 'password', 'Secret', 'apiKey'),
      word,
      (pre, s, post) => {
        expect(isSecretKey(`${pre}${s}${post[0].toUpperCase()}${post.slice(1)}`)).toBe(false);
        expect(isSecretKey(s)).toBe(true);
      },
    ),
    { numRuns: 200 },
  );
});

test('an AWS access key id is found wherever it sits in a value', () => {
  const id = fc.stringMatching(/^[0-9A-Z]{16}$/).map((s) => `AKIA${s}`);
  fc.assert(
    fc.property(
      fc.stringMatching(/^[a-z :/]{0,20}$/),
      id,
      fc.stringMatching(/^[a-z :/]{0,20}$/),
      (a, key, b) => {
        expect(secretValueKind(`${a} ${key} ${b}`)).toBe('an AWS access key id');
      },
    ),
    { numRuns: 200 },
  );
});
