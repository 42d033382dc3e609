import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
    pollMs: pollMsFromEnv(process.env.MLOPS_POLL_MS),
    codeVersion: bundleHash(process.argv[1]),
  }).then((code) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.exitCode = code;
  });
}

/** `MLOPS_POLL_MS` tunes the describe interval (the local stack is fine with 250-500 ms). */
function pollMsFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 50 || ms > 60_000) {
    process.stderr.write(`ignoring MLOPS_POLL_MS=${JSON.stringify(value)}: expected an integer 50..60000\n`);
    return undefined;
  }
  return ms;
}

/** The batch's code identity for the step cache: sha256 of the bundle being run (one file, esbuild). */
function bundleHash(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}
