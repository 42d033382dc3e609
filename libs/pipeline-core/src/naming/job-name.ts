import { createHash } from 'node:crypto';

/** SageMaker's TrainingJobName / ProcessingJobName rule (applied as a full match). */
export const JOB_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const JOB_NAME_MAX = 63;

/**
 * Deterministic job name `<model>-<batch>-<run-id>`: the same run, model and batch always give the same
 * name, which is what makes a rerun attach (ResourceInUse) instead of launching a duplicate. Over 63
 * chars, the start is kept and a hash of the full name is appended so distinct inputs stay distinct.
 */
export function jobNameFor(runId: string, model: string, batch: string): string {
  const full = sanitize(`${model}-${batch}-${runId}`);
  if (full.length <= JOB_NAME_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const head = full.slice(0, JOB_NAME_MAX - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

function sanitize(name: string): string {
  // Model names allow only [a-z0-9-] and run ids are checked, but be safe for any caller.
  return name
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
