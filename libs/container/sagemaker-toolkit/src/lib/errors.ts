/**
 * Error classes. Each renders the text that goes into /opt/ml/output/failure via `failureMessage()`;
 * the first 1024 chars become SageMaker's FailureReason, so the useful part comes first.
 */

/** Base class of every error the toolkit raises on purpose. */
export class ToolkitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** Text for the failure file: `<ErrorClass>: <message>`. */
  failureMessage(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** A config file SageMaker writes is missing, empty, not JSON or of the wrong shape. */
export class ToolkitConfigError extends ToolkitError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A hyperparameter is missing or does not have the expected type. */
export class HyperparameterError extends ToolkitError {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly received: unknown,
    detail?: string,
  ) {
    super(
      `hyperparameter "${key}": expected ${expected}, received ${describeReceived(received)}` +
        (detail ? ` (${detail})` : ''),
    );
  }
}

function describeReceived(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A channel that inputdataconfig.json does not declare, or whose data dir cannot be read. */
export class ChannelError extends ToolkitError {
  constructor(
    readonly channel: string,
    readonly problem: string,
  ) {
    super(`channel "${channel}": ${problem}`);
  }
}

/** The user entry point cannot be found or started. */
export class EntryPointError extends ToolkitError {}

/** Hosts did not resolve in DNS before the timeout. */
export class HostResolutionError extends ToolkitError {}

/**
 * The user script failed. Same text as the Python toolkit's `ExecuteUserScriptError`, except that
 * ErrorMessage carries the tail of stderr (Python leaves it empty on the default `train` path).
 */
export class ExecuteUserScriptError extends ToolkitError {
  constructor(
    readonly exitCode: number | string,
    readonly command: string,
    readonly errorMessage = '',
    readonly extraInfo?: string,
  ) {
    super(`user script exited with ${exitCode}`);
  }

  /** `errorMessage` replaces the quoted ErrorMessage value (the log names the tail instead of repeating it). */
  override failureMessage(errorMessage?: string): string {
    const extra = this.extraInfo === undefined ? '' : `ExtraInfo "${this.extraInfo}"\n`;
    const message = errorMessage ?? `"${this.errorMessage}"`;
    return (
      `${this.name}:\nExitCode ${this.exitCode}\nErrorMessage ${message}\n` +
      `${extra}Command "${this.command}"`
    );
  }
}

/** Failure-file text for anything thrown: toolkit errors as above, the rest with their class and message. */
export function failureMessageOf(error: unknown): string {
  if (error instanceof ToolkitError) return error.failureMessage();
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `Error: ${String(error)}`;
}
