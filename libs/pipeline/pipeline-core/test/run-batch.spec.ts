import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@mlops/db';
import { BatchDefinition, InputError, BatchJobFailedError, trainingSpecFor, prepareJobPlan } from '../src';
import { useBatchHarness } from '../testing';

// The DB path sits in a folder that does not exist yet: opening it must create the folder.
const DB_IN_NEW_DIR = 'state/mlops.sqlite';
const h = useBatchHarness(undefined, { name: 'run-batch' });
const dbPath = () => join(h.dir, DB_IN_NEW_DIR);
const run = (def: BatchDefinition<unknown>, argv: string[], extraEnv: Record<string, string> = {}) =>
  h.runBatch(def, argv, { MLOPS__DB__PATH: dbPath(), ...extraEnv });

const cli = { command: 'pipeline-test', summary: 'A test batch.' };

/** A training-like batch: prepare validates the real training spec, execute is scripted per test. */
function batch(execute: BatchDefinition<unknown>['execute']): BatchDefinition<unknown> {
  return {
    batch: 'training',
    cli,
    prepare: (ctx) =>
      prepareJobPlan({
        kind: 'training',
        name: ctx.jobName(),
        spec: trainingSpecFor({
          roleArn: ctx.config.aws.roleArn,
          runId: ctx.runId,
          model: ctx.model,
          layout: ctx.layout,
        }),
      }),
    execute,
  };
}

const noop = batch(async (ctx) => {
  await ctx.ensureRun();
  return [`ran ${ctx.jobName()}`];
});

describe('runBatch', () => {
  it('--help prints usage and exits 0 without reading config', async () => {
    const r = await run(noop, ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: pipeline-test');
    expect(existsSync(dbPath())).toBe(false);
  });

  it('an unknown flag is exit 2 with the usage on stderr', async () => {
    const r = await run(noop, ['--model', 'iris', '--run-id', 'r1', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option --bogus$/m);
    expect(r.err).toContain('Usage: pipeline-test');
  });

  it('a malformed image digest map is exit 2 naming the variable: no DB opened', async () => {
    const r = await run(noop, ['--model', 'iris', '--run-id', 'r1'], { MLOPS_IMAGE_DIGESTS: '{"x":' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/MLOPS_IMAGE_DIGESTS: not JSON/);
    expect(existsSync(dbPath())).toBe(false);
  });

  it('an unknown model is exit 2: no DB opened, no call made', async () => {
    const r = await run(noop, ['--model', 'nosuchmodel', '--run-id', 'r1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown model "nosuchmodel".*known models: .*iris/);
    expect(existsSync(dbPath())).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('a bad config is exit 2 naming the key', async () => {
    const r = await run(noop, ['--model', 'iris', '--run-id', 'r1'], { MLOPS__AWS__REGION: 'nowhere' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/aws\.region.*MLOPS__AWS__REGION/);
    expect(existsSync(dbPath())).toBe(false);
  });

  it('an invalid hyperparameter fails in prepare: exit 2, no DB, no call', async () => {
    const r = await run(noop, ['--model', 'iris', '--run-id', 'r1'], {
      MLOPS__MODELS__IRIS__TRAINING__HYPERPARAMETERS__SEED: 'x'.repeat(2600),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/hyperParameters.*seed/);
    expect(existsSync(dbPath())).toBe(false);
    expect(h.calls).toEqual([]);
  });

  it('runs every model with --all-models and prints a summary', async () => {
    const r = await run(noop, ['--all-models', '--run-id', 'r1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/iris: ran iris-training-r1/);
    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      const runs = await db.listPipelineRuns({ runId: 'r1' });
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.every((x) => x.status === 'Running')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('--migrate-only applies the migrations and exits 0 without running the batch', async () => {
    const neverRuns = batch(async () => {
      throw new Error('execute must not run with --migrate-only');
    });
    const r = await run(neverRuns, ['--migrate-only']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pipeline-test: migrations applied \(.*local\.yaml\)/);
    // Opened without migrating: the tables are there only because --migrate-only created them.
    const db = await openDatabase({ type: 'sqlite', path: dbPath() }, { runMigrations: false });
    try {
      expect(await db.listPipelineRuns({})).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('a refusal before ensureRun (InputError) is exit 2 and leaves no run row', async () => {
    const refuse = batch(async () => {
      throw new InputError('precondition not met');
    });
    const r = await run(refuse, ['--model', 'iris', '--run-id', 'r1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('precondition not met');
    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      expect(await db.listPipelineRuns()).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('a failed job is exit 1 and marks the pipeline run Failed with the reason', async () => {
    const failing = batch(async (ctx) => {
      await ctx.ensureRun();
      throw new BatchJobFailedError(ctx.jobName(), 'Failed', 'AlgorithmError: corrupt raw data');
    });
    const r = await run(failing, ['--model', 'iris', '--run-id', 'r1']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('iris-training-r1 ended Failed: AlgorithmError: corrupt raw data');
    const db = await openDatabase({ type: 'sqlite', path: dbPath() });
    try {
      const row = await db.getPipelineRun('r1', 'iris');
      expect(row?.status).toBe('Failed');
      expect(row?.error).toContain('corrupt raw data');
    } finally {
      await db.close();
    }
  });

  it('an unexpected error is exit 1 with its stack', async () => {
    const broken = batch(async () => {
      throw new TypeError('boom');
    });
    const r = await run(broken, ['--model', 'iris', '--run-id', 'r1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/TypeError: boom\n\s+at /);
  });
});
