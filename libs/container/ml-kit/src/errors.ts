/** Errors for bad input data. The message names the file, row and column so it can stand alone as FailureReason. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
  }
}

/** The job was stopped (SIGTERM) before it finished; reported as a failure, never as success. */
export class JobStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobStoppedError';
  }
}
