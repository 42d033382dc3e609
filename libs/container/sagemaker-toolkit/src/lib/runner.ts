/**
 * Job lifecycle: load the environment, run user code (in-process or as the `train` child),
 * write /opt/ml/output/success or /opt/ml/output/failure, and choose the exit code.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { failureMessageOf, ExecuteUserScriptError } from './errors';
import { errorMessageOf, reportTrainingFailure } from './failure-report';
import { tryWriteFailureFile, writeSuccessFile } from './files';
import { waitForHosts } from './hosts';
import { resolveBaseDir, trainingPaths, processingPaths } from './paths';
import { canRunInProcess, runScriptInProcess } from './in-process';
import { buildCommand, resolveEntryPoint, runProcess } from './process';
import { loadProcessingEnv, LoadProcessingEnvOptions, ProcessingEnv } from './processing-env';
import { graceMsFromEnv, installStopHandlers, requestStop, stopSignal } from './signals';
import { loadTrainingEnv, LoadTrainingEnvOptions, TrainingEnv } from './training-env';
import { log } from './log';

/** Exit code for every failure, as the Python toolkit's ClientError path (`sys.exit(1)`). */
export const FAILURE_EXIT_CODE = 1;

export type RunResult<T> =
  | { status: 'success'; value: T; exitCode: 0 }
  | { status: 'failure'; error: unknown; exitCode: number; failureWritten: boolean };

export interface JobContext {
  /** Aborted when the job is asked to stop (SIGTERM for training, SIGINT/SIGTERM for processing). */
  signal: AbortSignal;
}

export interface RunOptions {
  /** Call process.exit with the job's exit code when done (default true). Tests pass false. */
  exit?: boolean;
  /** Time allowed after a stop signal before giving up (default: $SAGEMAKER_TOOLKIT_STOP_GRACE_SECONDS, else 110 s; SageMaker SIGKILLs at 120 s). */
  graceMs?: number;
  /** Export SM_* into process.env like the Python toolkit does for its own process (default true). */
  exportEnv?: boolean;
}

async function finish<T>(result: RunResult<T>, options: RunOptions): Promise<RunResult<T>> {
  if (options.exit ?? true) {
    // Let stdout/stderr drain before exiting (pipes to CloudWatch can be async).
    await new Promise<void>((r) => process.stdout.write('', () => process.stderr.write('', () => r())));
    process.exit(result.exitCode);
  }
  return result;
}

function fail<T>(error: unknown, failureFile: string): RunResult<T> {
  const failureWritten = reportTrainingFailure(error, failureFile);
  return { status: 'failure', error, exitCode: FAILURE_EXIT_CODE, failureWritten };
}

/**
 * Runs `fn` with a grace period after a stop signal: when the job is stopped and `fn` is still
 * running `graceMs` later, we stop waiting and report it as a failure.
 */
async function withGrace<T>(
  fn: () => Promise<T>,
  stopSignals: NodeJS.Signals[],
  graceMs: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let giveUp: (e: Error) => void = () => undefined;
  const gaveUp = new Promise<never>((_r, reject) => (giveUp = reject));
  const uninstall = installStopHandlers(stopSignals, (s) => {
    void requestStop(s);
    log(`received ${s}; stopping (grace ${Math.round(graceMs / 1000)} s)`);
    timer ??= setTimeout(
      () => giveUp(new Error(`job did not finish within ${graceMs} ms after ${s}`)),
      graceMs,
    );
  });
  try {
    return await Promise.race([fn(), gaveUp]);
  } finally {
    if (timer) clearTimeout(timer);
    uninstall();
  }
}

/**
 * In-process training job: `runTraining(async (env, { signal }) => { ... })`.
 * Writes `success` when `fn` resolves; on a throw (including bad config or hyperparameters) writes
 * the error to `failure` (unless user code already wrote one) and exits 1.
 */
export async function runTraining<T>(
  fn: (env: TrainingEnv, ctx: JobContext) => T | Promise<T>,
  options: RunOptions & LoadTrainingEnvOptions = {},
): Promise<RunResult<T>> {
  const paths = trainingPaths(options.baseDir ?? resolveBaseDir(options.env ?? process.env));
  let result: RunResult<T>;
  try {
    const value = await withGrace(
      async () => {
        const env = loadTrainingEnv(options);
        prepareDirs(env);
        if (options.exportEnv ?? true) Object.assign(process.env, env.smEnv);
        return fn(env, { signal: stopSignal() });
      },
      ['SIGTERM'],
      options.graceMs ?? graceMsFromEnv(options.env ?? process.env),
    );
    writeSuccessFile(paths.successFile);
    result = { status: 'success', value, exitCode: 0 };
  } catch (e) {
    result = fail(e, paths.failureFile);
  }
  return finish(result, options);
}

/**
 * In-process processing job: `runProcessing(async (env, { signal }) => { ... })`. Processing has no
 * success/failure markers; a failure is written to /opt/ml/output/message (first 1 KB becomes
 * ExitMessage) and the exit code is non-zero, which is what fails a processing job.
 */
export async function runProcessing<T>(
  fn: (env: ProcessingEnv, ctx: JobContext) => T | Promise<T>,
  options: RunOptions & LoadProcessingEnvOptions = {},
): Promise<RunResult<T>> {
  const paths = processingPaths(options.baseDir ?? resolveBaseDir(options.env ?? process.env));
  let result: RunResult<T>;
  try {
    const value = await withGrace(
      async () => fn(loadProcessingEnv(options), { signal: stopSignal() }),
      ['SIGINT', 'SIGTERM'],
      options.graceMs ?? graceMsFromEnv(options.env ?? process.env),
    );
    result = { status: 'success', value, exitCode: 0 };
  } catch (e) {
    const message = failureMessageOf(e);
    let failureWritten = false;
    if (!existsSync(paths.messageFile)) failureWritten = tryWriteFailureFile(paths.messageFile, message, log);
    log(`Reporting processing FAILURE`);
    log(message);
    result = { status: 'failure', error: e, exitCode: FAILURE_EXIT_CODE, failureWritten };
  }
  return finish(result, options);
}

export interface TrainCommandOptions extends RunOptions, LoadTrainingEnvOptions {
  /** DNS wait timeout for multi-host jobs (default 15 min). */
  dnsTimeoutMs?: number;
}

/**
 * The `train` command: load the environment, run the entry point with the SM_* env and CLI args
 * (JS in-process, everything else as a child that gets SIGTERM forwarded and SIGKILL after the grace
 * period), write the markers.
 */
export async function runTrainCommand(options: TrainCommandOptions = {}): Promise<RunResult<number>> {
  const procEnv = options.env ?? process.env;
  const paths = trainingPaths(options.baseDir ?? resolveBaseDir(procEnv));
  const graceMs = options.graceMs ?? graceMsFromEnv(procEnv);
  let result: RunResult<number>;
  let stopped: NodeJS.Signals | undefined;
  let killedAfterGrace = false;
  let child: ChildProcess | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  // Installed first: as PID 1 in a container, an unhandled SIGTERM would otherwise be ignored.
  const uninstall = installStopHandlers(['SIGTERM', 'SIGINT'], (s) => {
    stopped ??= s;
    void requestStop(s);
    if (!child) {
      // Stopped before the user process started: nothing to save, stop now.
      tryWriteFailureFile(
        paths.failureFile,
        `JobStopped: received ${s} before the user entry point started`,
        log,
      );
      process.exit(FAILURE_EXIT_CODE);
    }
    log(`received ${s}; forwarding to the user process, SIGKILL in ${Math.round(graceMs / 1000)} s`);
    child.kill(s);
    killTimer ??= setTimeout(() => {
      killedAfterGrace = true;
      child?.kill('SIGKILL');
    }, graceMs);
  });
  try {
    const env = loadTrainingEnv(options);
    prepareDirs(env);
    // Custom images bake their code in (WORKDIR); /opt/ml/code exists only when SageMaker ships code.
    const workDir = existsSync(env.codeDir) ? env.codeDir : process.cwd();
    const entry = resolveEntryPoint(env.userEntryPoint, workDir, procEnv);
    const cmd = buildCommand(entry.program, env.userArgs, workDir, procEnv);
    if (env.hosts.length > 1 && procEnv.SM_STUDIO_LOCAL_MODE !== 'true') {
      await waitForHosts(env.hosts, { timeoutMs: options.dnsTimeoutMs, signal: stopSignal() });
    }
    // What the toolkit adds to the environment the user process inherits.
    const exported: Record<string, string> = {
      ...env.smEnv,
      SAGEMAKER_JOB_NAME: rawJobName(env),
      CURRENT_HOST: env.currentHost,
      SAGEMAKER_REGION: env.region,
      // Code dir first, for every entry-point type (the toolkit puts it on sys.path and exports
      // PYTHONPATH from that), so a launcher script can run Python modules that live beside it.
      PYTHONPATH: [workDir, procEnv.PYTHONPATH].filter(Boolean).join(':'),
    };
    if ((options.exit ?? true) && canRunInProcess(entry.program, procEnv)) {
      uninstall();
      runScriptInProcess({
        cmd,
        cwd: workDir,
        // Copying all of process.env onto itself would cost a getenv/setenv per variable.
        env: procEnv === process.env ? exported : { ...procEnv, ...exported },
        successFile: paths.successFile,
        failureFile: paths.failureFile,
        graceMs,
      });
      // The user script owns the process now; the 'exit' hook writes the markers.
      return new Promise<never>(() => undefined);
    }
    log(`Invoking user script: ${cmd.display} (from ${entry.source})`);
    const childEnv = { ...procEnv, ...exported };
    const r = await runProcess(cmd, { cwd: workDir, env: childEnv, onSpawn: (c) => (child = c) });
    if (r.exitCode === 0) {
      writeSuccessFile(paths.successFile);
      log('Reporting training SUCCESS');
      result = { status: 'success', value: 0, exitCode: 0 };
    } else {
      const extra = killedAfterGrace
        ? `Stopped: killed with SIGKILL ${Math.round(graceMs / 1000)} s after ${stopped}`
        : stopped && r.signal === stopped
          ? `Stopped: ${stopped} and the user code did not handle it`
          : r.exitCode === 137 || r.signal === 'SIGKILL'
            ? 'OutOfMemory: Process killed by SIGKILL (signal 9)'
            : undefined;
      const error = new ExecuteUserScriptError(r.exitCode, cmd.display, errorMessageOf(r.stderr), extra);
      result = fail(error, paths.failureFile);
    }
  } catch (e) {
    result = fail(e, paths.failureFile);
  } finally {
    if (killTimer) clearTimeout(killTimer);
    uninstall();
  }
  return finish(result, options);
}

/** SageMaker creates these before the container starts; do the same for local trees. */
function prepareDirs(env: TrainingEnv): void {
  for (const dir of [env.modelDir, env.outputDir, env.outputDataDir]) mkdirSync(dir, { recursive: true });
}

/** The toolkit sets SAGEMAKER_JOB_NAME from the reserved `sagemaker_job_name` hp (default ""). */
function rawJobName(env: TrainingEnv): string {
  const raw = env.rawHyperparameters.sagemaker_job_name;
  if (raw === undefined) return '';
  try {
    const v = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}
