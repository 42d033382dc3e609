import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcessing, runTraining } from '../src/lib/runner';
import { onStop, resetStopState } from '../src/lib/signals';
import { HyperparameterError } from '../src/lib/errors';
import { hyperparameterReader } from '../src/lib/hyperparameters';
import { makeTrainingTree, readFixture, removeTree } from './support/opt-ml';

describe('runTraining (in-process)', () => {
  let base = '';
  beforeEach(() => resetStopState());
  afterEach(() => base && removeTree(base));

  it('success: returns the value, writes an empty success file and exports SM_*', async () => {
    base = makeTrainingTree({ hyperparameters: { epochs: '3' } });
    const r = await runTraining(
      (env) => {
        fs.writeFileSync(path.join(env.modelDir, 'm.txt'), 'ok');
        return hyperparameterReader(env.hyperparameters).int('epochs');
      },
      { baseDir: base, env: {}, exit: false },
    );
    expect(r).toEqual({ status: 'success', value: 3, exitCode: 0 });
    expect(fs.readFileSync(path.join(base, 'output/success'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(base, 'model/m.txt'), 'utf8')).toBe('ok');
    expect(process.env.SM_HP_EPOCHS).toBe('3');
  });

  it('a thrown error goes to the failure file with exit code 1', async () => {
    base = makeTrainingTree({ hyperparameters: { lr: '"fast"' } });
    const r = await runTraining((env) => hyperparameterReader(env.hyperparameters).float('lr'), {
      baseDir: base,
      env: {},
      exit: false,
    });
    expect(r.status).toBe('failure');
    expect(r.exitCode).toBe(1);
    expect(r.status === 'failure' && r.error).toBeInstanceOf(HyperparameterError);
    expect(fs.readFileSync(path.join(base, 'output/failure'), 'utf8')).toBe(
      'HyperparameterError: hyperparameter "lr": expected a number, received "fast"',
    );
    expect(fs.existsSync(path.join(base, 'output/success'))).toBe(false);
  });

  it('bad config never reaches user code and is reported with the file name', async () => {
    base = makeTrainingTree({
      hyperparameters: readFixture(
        'amazon-sagemaker-examples__sagemaker-fundamentals__hyperparameter_injection__hyperparameters.INVALID-trailing-comma.json',
      ),
    });
    const fn = jest.fn();
    const r = await runTraining(fn, { baseDir: base, env: {}, exit: false });
    expect(fn).not.toHaveBeenCalled();
    expect(r.exitCode).toBe(1);
    expect(fs.readFileSync(path.join(base, 'output/failure'), 'utf8')).toMatch(
      /^ToolkitConfigError: .*\/input\/config\/hyperparameters\.json: invalid JSON: .*line 6 column 1/,
    );
  });

  it('keeps a failure file that user code wrote', async () => {
    base = makeTrainingTree();
    const r = await runTraining(
      (env) => {
        fs.writeFileSync(env.failureFile, 'mine');
        throw new Error('boom');
      },
      { baseDir: base, env: {}, exit: false },
    );
    expect(r.status === 'failure' && r.failureWritten).toBe(false);
    expect(fs.readFileSync(path.join(base, 'output/failure'), 'utf8')).toBe('mine');
  });

  it('SIGTERM aborts the signal and runs onStop; the job can finish and succeed', async () => {
    base = makeTrainingTree();
    const saved: string[] = [];
    const r = await runTraining(
      async (env, { signal }) => {
        onStop(() => void saved.push('checkpoint'));
        setTimeout(() => process.emit('SIGTERM', 'SIGTERM'), 10);
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        fs.writeFileSync(path.join(env.modelDir, 'partial'), 'x');
        return 'stopped cleanly';
      },
      { baseDir: base, env: {}, exit: false },
    );
    expect(saved).toEqual(['checkpoint']);
    expect(r).toEqual({ status: 'success', value: 'stopped cleanly', exitCode: 0 });
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('a job that ignores the stop fails after the grace period', async () => {
    base = makeTrainingTree();
    const r = await runTraining(
      async () => {
        setTimeout(() => process.emit('SIGTERM', 'SIGTERM'), 10);
        await new Promise(() => undefined); // never settles
      },
      { baseDir: base, env: {}, exit: false, graceMs: 50 },
    );
    expect(r.status).toBe('failure');
    expect(fs.readFileSync(path.join(base, 'output/failure'), 'utf8')).toBe(
      'Error: job did not finish within 50 ms after SIGTERM',
    );
  });
});

describe('runProcessing (in-process)', () => {
  let base = '';
  afterEach(() => base && removeTree(base));

  function processingTree(): string {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'opt-ml-proc-'));
    fs.mkdirSync(path.join(dir, 'config'));
    fs.writeFileSync(
      path.join(dir, 'config/processingjobconfig.json'),
      readFixture('aws-docs__build-your-own-processing-container__processingjobconfig.json'),
    );
    fs.writeFileSync(
      path.join(dir, 'config/resourceconfig.json'),
      readFixture('aws-docs__build-your-own-processing-container__resourceconfig.json'),
    );
    return dir;
  }

  it('passes the env and returns the value', async () => {
    base = processingTree();
    const r = await runProcessing((env) => env.inputs['input-1'], { baseDir: base, env: {}, exit: false });
    expect(r).toEqual({ status: 'success', value: path.join(base, 'processing/input/dataset'), exitCode: 0 });
  });

  it('a failure is written to output/message, exit 1', async () => {
    base = processingTree();
    const r = await runProcessing(
      () => {
        throw new RangeError('no rows');
      },
      { baseDir: base, env: {}, exit: false },
    );
    expect(r.exitCode).toBe(1);
    expect(fs.readFileSync(path.join(base, 'output/message'), 'utf8')).toBe('RangeError: no rows');
  });
});
