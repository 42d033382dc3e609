/**
 * How `train` reports a failed job, whatever runs the user code (in-process or a child): the
 * failure file (unless user code wrote one), exactly one "Reporting training FAILURE" line, then the
 * message, as the Python toolkit's trainer does. A stderr tail is not printed a second time.
 */
import { existsSync } from 'node:fs';
import { ExecuteUserScriptError, failureMessageOf } from './errors';
import { tryWriteFailureFile } from './files';
import { log } from './log';
import type { TailBuffer } from './process';

/** Max chars of stderr tail in ErrorMessage, so the header + tail fit SageMaker's 1024-char FailureReason. */
export const ERROR_MESSAGE_MAX_CHARS = 800;

/**
 * Stack frames inside Node (and, in-process, of this toolkit) say nothing about the user's bug and
 * would push the error line out of the 800-char tail (a missing module prints ten of them), so
 * ErrorMessage leaves them out. A frame line that opens the error's own properties (` {`) stays.
 */
const NOISE_FRAME = new RegExp(
  `^\\s+at (?:.*\\()?(?:node:internal/|${__filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:)[^)]*\\)?$`,
);

/** ErrorMessage for a failed user process: the end of its stderr, without noise frames. */
export function errorMessageOf(stderr: TailBuffer): string {
  return stderr.text(ERROR_MESSAGE_MAX_CHARS, (line) => !NOISE_FRAME.test(line));
}

function failureNote(written: boolean, file: string): string {
  if (written) return '';
  return existsSync(file)
    ? ' (kept the failure file already written)'
    : ' (no failure file could be written)';
}

/** Writes the failure file and logs the report once. Returns whether the file was written by us. */
export function reportTrainingFailure(error: unknown, failureFile: string): boolean {
  const written = tryWriteFailureFile(failureFile, failureMessageOf(error), log);
  log(`Reporting training FAILURE${failureNote(written, failureFile)}`);
  // The user's stderr (the stack) is on our stderr already: print it once.
  log(
    error instanceof ExecuteUserScriptError && error.errorMessage
      ? error.failureMessage('<the stderr tail, not repeated here>')
      : failureMessageOf(error),
  );
  return written;
}
