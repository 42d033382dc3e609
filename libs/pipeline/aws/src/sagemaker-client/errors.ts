import type { Violation } from '@mlops/contract';
import { violationText } from '@mlops/contract';
import type { JobKind } from './job-spec';

export type { Violation } from '@mlops/contract';

/** Client-side validation failed; nothing was sent to SageMaker. Lists every violation in the service's words
 *  (long values cut, the map entries at fault named). */
export class SageMakerValidationError extends Error {
  override name = 'SageMakerValidationError';
  constructor(
    readonly operation: string,
    readonly violations: Violation[],
  ) {
    super(
      `${operation} request is invalid (${violations.length} violation${violations.length === 1 ? '' : 's'}):\n` +
        violations
          .map((v) => `  - ${violationText(v, 200)}${v.entries ? ` (entries: ${v.entries.join(', ')})` : ''}`)
          .join('\n'),
    );
  }
}

/** The job reached `Failed`; carries SageMaker's FailureReason. */
export class SageMakerJobFailedError extends Error {
  override name = 'SageMakerJobFailedError';
  constructor(
    readonly kind: JobKind,
    readonly jobName: string,
    readonly failureReason: string,
    readonly secondaryStatus?: string,
  ) {
    super(`${kind} job ${jobName} failed: ${failureReason}`);
  }
}

export class JobWaitTimeoutError extends Error {
  override name = 'JobWaitTimeoutError';
  constructor(
    readonly kind: JobKind,
    readonly jobName: string,
    readonly lastStatus: string,
    readonly waitedMs: number,
  ) {
    super(
      `Gave up waiting for ${kind} job ${jobName} after ${Math.round(waitedMs / 1000)} s (last status ${lastStatus})`,
    );
  }
}
