import { comparePyStr, fromJs, PyFloat, PyInt, pyTruthy, toJs } from '../src/lib/py-value';
import { processingPaths, resolveBaseDir, trainingPaths } from '../src/lib/paths';
import {
  ToolkitConfigError,
  ExecuteUserScriptError,
  failureMessageOf,
  HyperparameterError,
  ToolkitError,
} from '../src/lib/errors';

describe('py-value', () => {
  it('orders strings by code point like Python sorted()', () => {
    expect(['b', 'a', 'B', '\uff21', '😀', 'ab', ''].sort(comparePyStr)).toEqual([
      '',
      'B',
      'a',
      'ab',
      'b',
      '\uff21',
      '😀',
    ]);
  });
  it('Python truthiness', () => {
    expect([null, false, '', new PyInt(0n), new PyFloat(0), [], new Map()].map(pyTruthy)).toEqual(
      Array(7).fill(false),
    );
    expect(
      [true, 'false', new PyInt(2n), new PyFloat(NaN), [new PyInt(0n)], new Map([['a', null]])].map(pyTruthy),
    ).toEqual(Array(6).fill(true));
  });
  it('JS <-> Python values', () => {
    expect(toJs(fromJs({ a: [1, 2.5, 'x', null] }))).toEqual({ a: [1, 2.5, 'x', null] });
    expect(toJs(new PyInt(2n ** 60n))).toBe(2n ** 60n);
    expect(fromJs(-0)).toEqual(new PyFloat(-0));
    expect(() => fromJs(() => 1)).toThrow('cannot represent a function as a Python value');
  });
});

describe('paths', () => {
  it('follows SAGEMAKER_BASE_DIR, else /opt/ml', () => {
    expect(resolveBaseDir({})).toBe('/opt/ml');
    expect(resolveBaseDir({ SAGEMAKER_BASE_DIR: '/tmp/x' })).toBe('/tmp/x');
    const t = trainingPaths('/opt/ml');
    expect([t.hyperparametersFile, t.failureFile, t.checkpointDir, t.codeDir]).toEqual([
      '/opt/ml/input/config/hyperparameters.json',
      '/opt/ml/output/failure',
      '/opt/ml/checkpoints',
      '/opt/ml/code',
    ]);
    const p = processingPaths('/opt/ml');
    expect([p.processingJobConfigFile, p.resourceConfigFile, p.messageFile]).toEqual([
      '/opt/ml/config/processingjobconfig.json',
      '/opt/ml/config/resourceconfig.json',
      '/opt/ml/output/message',
    ]);
  });

  it("joins like Python's os.path.join: one '/', nothing normalised", () => {
    expect(trainingPaths('/tmp/x/').modelDir).toBe('/tmp/x/model');
    expect(trainingPaths('/tmp/./x').inputConfigDir).toBe('/tmp/./x/input/config');
    expect(trainingPaths('').outputDir).toBe('output');
  });
});

describe('errors', () => {
  it('failure-file text per class', () => {
    expect(failureMessageOf(new ToolkitConfigError('/f.json', 'file is empty'))).toBe(
      'ToolkitConfigError: /f.json: file is empty',
    );
    expect(new HyperparameterError('lr', 'a number', 'x').failureMessage()).toBe(
      'HyperparameterError: hyperparameter "lr": expected a number, received "x"',
    );
    expect(
      new ExecuteUserScriptError(
        137,
        'node a.js',
        'oom',
        'OutOfMemory: Process killed by SIGKILL (signal 9)',
      ).failureMessage(),
    ).toBe(
      'ExecuteUserScriptError:\nExitCode 137\nErrorMessage "oom"\nExtraInfo "OutOfMemory: Process killed by SIGKILL (signal 9)"\nCommand "node a.js"',
    );
    expect(failureMessageOf(new TypeError('t'))).toBe('TypeError: t');
    expect(failureMessageOf('plain')).toBe('Error: plain');
    expect(new ToolkitConfigError('/f', 'p')).toBeInstanceOf(ToolkitError);
  });
});
