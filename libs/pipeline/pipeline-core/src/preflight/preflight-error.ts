import { ExitCode } from '../errors/exit-codes';
import { Problem, problemLine } from './problem';

/**
 * Every problem the pre-flight found, one line each (file, field, value, fix). Thrown before the local
 * stack starts and before any DB row, S3 write or job: exit 2 means nothing happened.
 */
export class PreflightError extends Error {
  override name = 'PreflightError';
  readonly exitCode = ExitCode.BadInput;
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(problemLine).join('\n'));
  }
}
