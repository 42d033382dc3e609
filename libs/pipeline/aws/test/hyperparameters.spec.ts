import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringifyHyperparameters } from '../src';

// Copied from the sagemaker-training-toolkit's unit tests (test/unit/test_environment.py, ALL_HYPERPARAMETERS).
const fixtures = path.join(__dirname, '__fixtures__');
const read = (f: string) =>
  JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as Record<string, unknown>;

describe('stringifyHyperparameters', () => {
  test('strings pass through, everything else is JSON', () => {
    const { values, problems } = stringifyHyperparameters({
      lr: 0.001,
      epochs: 10,
      shuffle: true,
      name: 'resnet',
      layers: [64, 128],
      opt: { momentum: 0.9 },
      none: null,
    });
    expect(problems).toEqual([]);
    expect(values).toEqual({
      lr: '0.001',
      epochs: '10',
      shuffle: 'true',
      name: 'resnet',
      layers: '[64,128]',
      opt: '{"momentum":0.9}',
      none: 'null',
    });
  });

  test('the training toolkit decodes our encoding back to the original values (toolkit fixture)', () => {
    const decoded = read(
      'sagemaker-training-toolkit__test-unit-test_environment__ALL_HYPERPARAMETERS.decoded.json',
    );
    const { values } = stringifyHyperparameters(decoded as never);
    // Toolkit rule: json.loads(value), falling back to the raw string.
    const toolkitDecode = (s: string): unknown => {
      try {
        return JSON.parse(s);
      } catch {
        return s;
      }
    };
    for (const [k, v] of Object.entries(decoded)) expect(toolkitDecode(values[k])).toEqual(v);
    // Numbers and booleans match SageMaker's own all-strings file byte for byte.
    const onWire = read(
      'sagemaker-training-toolkit__test-unit-test_environment__ALL_HYPERPARAMETERS.hyperparameters.json',
    );
    expect(values.batch_size).toBe(onWire.batch_size);
    expect(values.sagemaker_enable_cloudwatch_metrics).toBe(onWire.sagemaker_enable_cloudwatch_metrics);
  });

  test('non-finite numbers are reported, not turned into null', () => {
    const { values, problems } = stringifyHyperparameters({ a: NaN, b: [1, Infinity], ok: 1 });
    expect(values).toEqual({ ok: '1' });
    expect(problems).toEqual([
      { key: 'a', value: NaN, rule: 'must be JSON-encodable (NaN is not a finite number)' },
      { key: 'b', value: [1, Infinity], rule: 'must be JSON-encodable (Infinity is not a finite number)' },
    ]);
  });
});
