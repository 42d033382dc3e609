/**
 * Pipeline batch names. The five below are the seed's `batches/` folders; more batches come from
 * `nx g @mlops/workspace-plugin:batch <name>`, so the name is open but must be a lowercase slug (the
 * generator's name rule), checked by the adapter and by the `CHK_jobs_batch_slug` CHECK constraint.
 */
export const BatchName = {
  Collection: 'collection',
  Preprocess: 'preprocess',
  Training: 'training',
  Evaluation: 'evaluation',
  Inference: 'inference',
} as const;
/** One of the five batches above. */
export type KnownBatchName = (typeof BatchName)[keyof typeof BatchName];
/** Any batch name: a known one or a generated batch's slug (see `batchNameProblem`). */
export type BatchName = string;

/** Lowercase letters and digits, single `-` between them, starting with a letter. */
export const BATCH_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** The `jobs.batch` column is varchar(32). */
export const BATCH_NAME_MAX_LENGTH = 32;

/** Why `value` is not a valid batch name, or undefined when it is. */
export function batchNameProblem(value: unknown): string | undefined {
  if (typeof value !== 'string')
    return `Invalid batch ${JSON.stringify(value)}; expected a string such as "${BatchName.Training}"`;
  if (value.length > BATCH_NAME_MAX_LENGTH)
    return `Invalid batch ${JSON.stringify(value)}; at most ${BATCH_NAME_MAX_LENGTH} characters (it has ${value.length})`;
  if (!BATCH_NAME_PATTERN.test(value))
    return `Invalid batch ${JSON.stringify(value)}; expected lowercase letters and digits with single "-" between them, starting with a letter (${BATCH_NAME_PATTERN.source})`;
  return undefined;
}
