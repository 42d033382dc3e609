/** Bad command-line input: the CLI prints the message and exits 2 before starting anything. */
export class LocalPipelineUsageError extends Error {
  override name = 'LocalPipelineUsageError';
  readonly exitCode = 2;
}
