import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@mlops/config-reader';
import { appDistPath } from '@mlops/contract';
import { DbAdapter, openDatabase } from '@mlops/db';
import type { BatchDefinition } from '../src/batch/batch-definition';
import { runBatch } from '../src/batch/run-batch';
import { RecordingServer, startRecordingServer } from './recording-server';
import { S3RVER_ENV, startS3 } from './s3-server';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface BatchHarnessOptions {
  /** Prefix of the temp dirs, e.g. the batch's name. */
  name: string;
  /** Start a real S3 server (s3rver) with this bucket for S3; without it, S3 calls go to the recorder too. */
  s3Bucket?: string;
}

export interface BatchRunResult {
  code: number;
  out: string;
  err: string;
}

export interface BatchHarness {
  /** This test's own temp dir (fresh for each test). */
  readonly dir: string;
  /**
   * Root of the stand-in built apps (`apps/<image name>/dist`, one per model of configs/local.yaml, empty):
   * the pre-flight's local image check finds them without a build. Remove one to test a missing image.
   */
  readonly appsRoot: string;
  /** The batch's SQLite file (`MLOPS__DB__PATH`), inside `dir`. */
  readonly dbPath: string;
  /** Requests that reached the stand-in SageMaker / Logs (and S3 without `s3Bucket`); reset for each test. */
  readonly calls: string[];
  readonly s3Endpoint: string;
  readonly repoRoot: string;
  /** Runs the batch in-process with the repo's configs/ and the endpoints above; env adds MLOPS__ overrides. */
  run(argv: string[], env?: Record<string, string>): Promise<BatchRunResult>;
  /** The same for another batch definition (a lib's own tests script one per case). */
  runBatch<Q>(def: BatchDefinition<Q>, argv: string[], env?: Record<string, string>): Promise<BatchRunResult>;
  /** Opens the batch's DB (after a run) and closes it again. */
  withDb<T>(fn: (db: DbAdapter) => Promise<T>): Promise<T>;
}

/**
 * Registers Jest hooks that give each test of a batch app a fresh temp dir and DB path, a recording stand-in for
 * the AWS endpoints (any call shows up in `calls`, so "nothing was started" is checkable), and optionally a real
 * S3 server for the whole file. Call it once at the top of a test file.
 */
export function useBatchHarness<P>(
  batch: BatchDefinition<P> | undefined,
  opts: BatchHarnessOptions,
): BatchHarness {
  let recorder: RecordingServer | undefined;
  let s3: { endpoint: string; close(): Promise<void> } | undefined;
  let dir: string | undefined;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBatchHarness: ${what} is only available inside a test`);
    return value;
  };

  const savedEnv: Record<string, string | undefined> = {};
  beforeAll(async () => {
    recorder = await startRecordingServer();
    if (opts.s3Bucket) s3 = await startS3(opts.s3Bucket);
    // The batch's SDK clients take credentials from the default chain, i.e. this process's env: s3rver's fixed
    // public test pair (not a secret; the recorder accepts anything).
    for (const [key, value] of Object.entries(S3RVER_ENV)) {
      savedEnv[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await s3?.close();
    await recorder?.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `${opts.name}-`));
    const config = loadConfig({ env: 'local', configDir: join(REPO_ROOT, 'configs'), processEnv: {} });
    for (const model of Object.values(config.models))
      mkdirSync(join(dir, 'apps-root', appDistPath(model.image)), { recursive: true });
    if (recorder) recorder.requests.length = 0;
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const harness: BatchHarness = {
    get dir() {
      return need(dir, 'dir');
    },
    get appsRoot() {
      return join(need(dir, 'appsRoot'), 'apps-root');
    },
    get dbPath() {
      return join(need(dir, 'dbPath'), 'mlops.sqlite');
    },
    get calls() {
      return need(recorder, 'calls').requests;
    },
    get s3Endpoint() {
      return s3?.endpoint ?? need(recorder, 's3Endpoint').url;
    },
    repoRoot: REPO_ROOT,
    run(argv, env = {}) {
      if (!batch) throw new Error('useBatchHarness: no batch was given; call runBatch(def, argv) instead');
      return harness.runBatch(batch, argv, env);
    },
    async runBatch(def, argv, env = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const aws = need(recorder, 'run').url;
      const code = await runBatch(def, {
        argv: [...argv, '--config-dir', join(REPO_ROOT, 'configs')],
        cwd: REPO_ROOT,
        env: {
          MLOPS__DB__PATH: harness.dbPath,
          MLOPS__AWS__ENDPOINTS__S3: harness.s3Endpoint,
          MLOPS__AWS__ENDPOINTS__SAGEMAKER: aws,
          MLOPS__AWS__ENDPOINTS__LOGS: aws,
          ...env,
        },
        stdout: (l) => out.push(l),
        stderr: (l) => err.push(l),
        appsRoot: harness.appsRoot,
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    async withDb(fn) {
      const db = await openDatabase({ type: 'sqlite', path: harness.dbPath });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
  };
  return harness;
}
