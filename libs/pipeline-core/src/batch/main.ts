import type { BatchDefinition } from './batch-definition';
import { runBatch } from './run-batch';

/**
 * CLI entry of a batch app: real argv/env/stdio, SIGINT/SIGTERM stop the wait (not the SageMaker job;
 * a rerun with the same --run-id re-attaches) and the exit code is set without cutting stdout short.
 */
export function main<P>(def: BatchDefinition<P>): void {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) process.exit(130); // second Ctrl-C: leave now
    abort.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void runBatch(def, {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    signal: abort.signal,
  }).then((code) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.exitCode = code;
  });
}
