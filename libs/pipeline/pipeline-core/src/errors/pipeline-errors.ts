import { ExitCode } from './exit-codes';

/** Wrong command line (unknown flag, missing --model, ...): exit 2, usage printed. */
export class BatchUsageError extends Error {
  override name = 'BatchUsageError';
  readonly exitCode = ExitCode.BadInput;
}

/**
 * Input that cannot work (invalid job spec, missing raw data, no approved model, ...). Thrown before
 * anything is started, so exit 2 always means "nothing happened".
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly exitCode = ExitCode.BadInput;
}

/** Inference was asked for but no model version of the model has been approved by an evaluation. */
export class NoApprovedModelError extends InputError {
  override name = 'NoApprovedModelError';
  constructor(readonly modelName: string) {
    super(
      `No approved version of model "${modelName}": run pipeline-evaluation first ` +
        '(a version is approved when its evaluation passes every configured threshold)',
    );
  }
}

/** A SageMaker job ended Failed or Stopped. */
export class BatchJobFailedError extends Error {
  override name = 'BatchJobFailedError';
  readonly exitCode = ExitCode.JobFailed;
  constructor(
    readonly jobName: string,
    readonly status: string,
    readonly failureReason: string | undefined,
  ) {
    super(`Job ${jobName} ended ${status}${failureReason ? `: ${failureReason}` : ''}`);
  }
}

/** SIGINT/SIGTERM while waiting; the SageMaker job itself is left running. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly exitCode = ExitCode.Interrupted;
  constructor(readonly signal: string) {
    super(`Interrupted by ${signal}; the job keeps running — rerun with the same --run-id to re-attach`);
  }
}
