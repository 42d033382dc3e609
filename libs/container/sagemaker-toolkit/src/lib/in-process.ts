/**
 * Fast path for JavaScript entry points: run the user script inside the `train` process (as the
 * main module, via Module.runMain) instead of starting a second Node. That removes one Node
 * start-up (~40 ms idle, far more on a loaded host) from every job. Semantics kept equal to the
 * child-process path: same argv/env/cwd, markers written from the 'exit' event, stderr tail in the
 * failure file, SIGTERM delivered to the user's handlers with the same grace period.
 * `SAGEMAKER_TOOLKIT_SUBPROCESS=true` turns it off.
 */
import { resolve } from 'node:path';
import { ExecuteUserScriptError } from './errors';
import { errorMessageOf, reportTrainingFailure } from './failure-report';
import { writeSuccessFile } from './files';
import { isToolkitWrite, log, onStderrOpen } from './log';
import { Command, signalNumber, TailBuffer } from './process';

export const SUBPROCESS_ENV = 'SAGEMAKER_TOOLKIT_SUBPROCESS';

export function canRunInProcess(program: string, env: NodeJS.ProcessEnv): boolean {
  return /\.(c|m)?js$/i.test(program) && env[SUBPROCESS_ENV] !== 'true';
}

export interface InProcessOptions {
  cmd: Command;
  cwd: string;
  /** Variables to set in process.env (what a child would have inherited on top of it). */
  env: NodeJS.ProcessEnv;
  successFile: string;
  failureFile: string;
  graceMs: number;
}

/** Hands the process over to the user script. Markers are written when the process exits. */
export function runScriptInProcess(o: InProcessOptions): void {
  const script = resolve(o.cwd, o.cmd.args[0]);
  for (const [k, v] of Object.entries(o.env)) if (v !== undefined) process.env[k] = v;
  process.chdir(o.cwd);
  process.argv = [process.execPath, script, ...o.cmd.args.slice(1)];
  log(`Invoking user script in-process: ${o.cmd.display}`);

  // stderr is teed for ErrorMessage (our own log lines are not the user's stderr), from the moment
  // something creates the stream: opening it now would cost start-up a job may never need.
  const tail = new TailBuffer();
  onStderrOpen((stderr) => {
    const write = stderr.write.bind(stderr) as (...a: unknown[]) => boolean;
    stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (!isToolkitWrite()) tail.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
      return write(chunk, ...rest);
    }) as typeof stderr.write;
  });
  // Node prints a fatal error from C++, bypassing process.stderr.write: record what it prints
  // (inspect, as Node does: a missing module shows its code and require stack). With a user
  // 'uncaughtException' handler nothing is printed and the process lives on.
  process.on('uncaughtExceptionMonitor', (err) => {
    if (process.listenerCount('uncaughtException') > 0) return;
    const { inspect } = require('node:util') as typeof import('node:util');
    tail.push(Buffer.from(`${inspect(err)}\n\nNode.js ${process.version}\n`));
  });
  // What a child would have reported: killed by a signal shows as -signo (Popen convention).
  let killed: { exitCode: number; extraInfo: string } | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  for (const s of ['SIGTERM', 'SIGINT'] as const) {
    process.on(s, () => {
      if (process.listenerCount(s) === 1) {
        // No user handler: the default action would have terminated a child.
        killed = {
          exitCode: -signalNumber(s),
          extraInfo: `Stopped: ${s} and the user code did not handle it`,
        };
        process.exit(1);
      }
      log(`received ${s}; user code handles it, exit forced in ${Math.round(o.graceMs / 1000)} s`);
      graceTimer ??= setTimeout(() => {
        killed = {
          exitCode: -9,
          extraInfo: `Stopped: killed with SIGKILL ${Math.round(o.graceMs / 1000)} s after ${s}`,
        };
        process.exit(1);
      }, o.graceMs).unref();
    });
  }

  process.on('exit', (code) => {
    if (code === 0 && !killed) {
      writeSuccessFile(o.successFile);
      log('Reporting training SUCCESS');
      return;
    }
    const error = new ExecuteUserScriptError(
      killed?.exitCode ?? code,
      o.cmd.display,
      errorMessageOf(tail),
      killed?.extraInfo ?? (code === 137 ? 'OutOfMemory: Process killed by SIGKILL (signal 9)' : undefined),
    );
    reportTrainingFailure(error, o.failureFile);
    process.exitCode = 1;
  });

  // Run from a fresh macrotask, outside the caller's try/catch: a synchronous throw (syntax error,
  // missing require, top-level throw) is then an uncaught exception exactly as in a child Node,
  // printed by Node with the user's source line, and reported once by the 'exit' hook above.
  // module.constructor is the CJS Module class (`require('node:module')` would also load that
  // builtin's extras, source maps among them, for nothing): this file is bundled as CommonJS.
  setImmediate(() => (module.constructor as unknown as { runMain(main?: string): void }).runMain(script));
}
