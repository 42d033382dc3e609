/** The database could not be reached or opened. The message names host:port (or the file), never the password. */
export class DbConnectionError extends Error {
  override name = 'DbConnectionError';
  constructor(
    message: string,
    readonly target: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Migrations failed; nothing after the failing migration ran (each runs in a transaction). */
export class DbMigrationError extends Error {
  override name = 'DbMigrationError';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** `db.schema` does not exist and could not be created (no CREATE privilege on the database). */
export class DbSchemaError extends Error {
  override name = 'DbSchemaError';
  constructor(
    message: string,
    readonly schema: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** A referenced row (model, job, model version, run) does not exist. */
export class DbNotFoundError extends Error {
  override name = 'DbNotFoundError';
}

/** A call contradicts what is stored (e.g. a SageMaker job name reused for another model) or has a bad value. */
export class DbConflictError extends Error {
  override name = 'DbConflictError';
}
