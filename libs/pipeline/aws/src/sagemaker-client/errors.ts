import type { JobKind } from './job-spec';

export interface Violation {
  /** Request field path, e.g. `InputDataConfig[1].ChannelName` or `HyperParameters["lr"]`. */
  path: string;
  value: unknown;
  rule: string;
}

/** Client-side validation failed; nothing was sent to SageMaker. Lists every violation. */
export class SageMakerValidationError extends Error {
  override name = 'SageMakerValidationError';
  constructor(
    readonly operation: string,
    readonly violations: Violation[],
  ) {
    super(
      `${operation} request is invalid (${violations.length} violation${violations.length === 1 ? '' : 's'}):\n` +
        violations.map((v) => `  - ${v.path} = ${preview(v.value)}: ${v.rule}`).join('\n'),
    );
  }
}

/** The job reached `Failed`; carries SageMaker's FailureReason. */
export class JobFailedError extends Error {
  override name = 'JobFailedError';
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

function preview(v: unknown): string {
  let s: string;
  try {
    s = v === undefined ? 'undefined' : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  return s.length > 120 ? `${s.slice(0, 117)}...(${s.length} chars)` : s;
}
