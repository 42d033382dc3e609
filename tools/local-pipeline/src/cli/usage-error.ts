/** Bad command-line input: the CLI prints the message and exits 2 before starting anything. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode = 2;
}
