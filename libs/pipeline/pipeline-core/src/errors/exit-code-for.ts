import { ExitCode } from './exit-codes';

/**
 * Maps any thrown value to an exit code. Errors from other libs carry `exitCode` (config-reader's
 * PipelineConfigError) or are recognised by name, so this lib needs no knowledge of their classes.
 */
export function exitCodeFor(err: unknown): number {
  if (err && typeof err === 'object') {
    const code = (err as { exitCode?: unknown }).exitCode;
    if (typeof code === 'number' && Number.isInteger(code)) return code;
    const name = (err as { name?: unknown }).name;
    if (typeof name === 'string' && BAD_INPUT_NAMES.has(name)) return ExitCode.BadInput;
  }
  // Anything unexpected (network, DB down, bug) is a failed batch, not a bad input.
  return ExitCode.JobFailed;
}

// Validation errors of the other libs: they are raised before any call, so nothing was started.
const BAD_INPUT_NAMES = new Set([
  'PipelineConfigError',
  'AwsConfigError',
  'S3UriError',
  'SageMakerValidationError',
  'ArchiveEntryError',
  // No AWS credentials: the pre-flight catches them before anything starts; one that expires later stops
  // the batch before its next call, and a rerun with the same run id resumes.
  'CredentialsProviderError',
  // A PostgreSQL schema that does not exist and may not be created.
  'DbSchemaError',
]);
