/**
 * Process exit codes shared by every batch, so an orchestrator can tell "the job failed" (retry with a
 * new run id, read the FailureReason) from "you asked for something impossible" (fix the input).
 */
export const ExitCode = {
  /** The batch finished (a rejected model is still a finished evaluation). */
  Ok: 0,
  /** A SageMaker job failed or was stopped; its FailureReason is printed and recorded. */
  JobFailed: 1,
  /** Bad input, config or precondition: nothing was started. */
  BadInput: 2,
  /** Interrupted by SIGINT/SIGTERM while waiting; the job keeps running and a rerun re-attaches. */
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
