import { ExitCode } from '../errors/exit-codes';

export interface SpecViolation {
  /** Request field path, e.g. `HyperParameters.nEstimators`. */
  path: string;
  value: unknown;
  rule: string;
}

/** Every violation of a job request, found before any API call (exit 2, nothing started). */
export class JobSpecValidationError extends Error {
  override name = 'JobSpecValidationError';
  readonly exitCode = ExitCode.BadInput;
  constructor(
    readonly jobName: string,
    readonly violations: SpecViolation[],
  ) {
    super(
      `Invalid job request for ${jobName} (${violations.length} problem(s)):\n` +
        violations.map((v) => `  - ${v.path}: ${preview(v.value)} ${v.rule}`).join('\n'),
    );
  }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
