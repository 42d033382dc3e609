#!/usr/bin/env node
import { CliOptions, parseArgs } from './cli/parse-args';
import { LocalPipelineUsageError } from './cli/usage-error';
import { USAGE } from './cli/usage';
import { findWorkspaceRoot } from '@mlops/pipeline-core';
import { runPipeline } from './pipeline/run-pipeline';
import { removeLiveContainersSync } from './batches/run-docker-batch';

/** CLI entry of the main job; see USAGE. Exit codes: 0 ok, 1 a batch failed, 2 bad input, 130 interrupted. */
async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof LocalPipelineUsageError)) throw err;
    process.stderr.write(`local-pipeline: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(
        `\n${sig}: detaching: the running batch stops waiting, its SageMaker job keeps running on the local ` +
          `stack (rerun with the same --run-id to re-attach); again to exit at once\n`,
      );
      controller.abort();
    } else {
      process.stderr.write(`${sig} again: exiting now\n`);
      // No time for the normal path: batch containers (--batches docker) must not outlive us.
      removeLiveContainersSync();
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outcome = await runPipeline({
    ...options,
    repoRoot: findWorkspaceRoot(process.cwd()),
    write: (text) => process.stdout.write(text),
    signal: controller.signal,
  });
  return outcome.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    const exitCode = (err as { exitCode?: unknown }).exitCode;
    const message = err instanceof Error ? err.message : String(err);
    const name = err instanceof Error ? err.name : 'Error';
    // One line per problem (the pre-flight reports all it found), each naming file, field, value and fix.
    for (const line of message.split('\n')) process.stderr.write(`local-pipeline: ${name}: ${line}\n`);
    process.stderr.write('', () => process.exit(exitCode === 2 ? 2 : 1));
  },
);
