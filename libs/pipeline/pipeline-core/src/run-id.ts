import { BatchUsageError } from './errors/pipeline-errors';

/**
 * Run ids become part of S3 keys and SageMaker job names (`[a-zA-Z0-9-]`, ≤ 63 chars), so they are
 * restricted to a lowercase slug short enough to leave room for the model and batch.
 */
export const RUN_ID_PATTERN = /^[a-z0-9](?:-?[a-z0-9])*$/;
export const RUN_ID_MAX_LENGTH = 32;

export function assertRunId(runId: string): string {
  if (runId.length > RUN_ID_MAX_LENGTH || !RUN_ID_PATTERN.test(runId)) {
    throw new BatchUsageError(
      `Invalid --run-id ${JSON.stringify(runId)}: expected 1-${RUN_ID_MAX_LENGTH} lowercase letters, ` +
        'digits and single "-" (not at the start or end), e.g. "run-20260101-1200"',
    );
  }
  return runId;
}

/** A fresh run id from the clock, e.g. `r20261126-061500`, for orchestrators that start a new run. */
export function newRunId(now: Date = new Date()): string {
  const iso = now.toISOString(); // 2026-11-26T06:15:00.000Z
  return `r${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}
