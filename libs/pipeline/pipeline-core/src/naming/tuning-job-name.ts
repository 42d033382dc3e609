import { createHash } from 'node:crypto';

/** HyperParameterTuningJobName: 32 characters at most (the trials' names add `-NNN-xxxxxxxx`). */
export const TUNING_JOB_NAME_MAX = 32;

/**
 * Deterministic tuning job name `<model>-tune-<run-id>`: a rerun of the run re-attaches to its tuning job.
 * Over 32 characters, the start is kept and a hash of the full name appended so distinct runs stay distinct.
 */
export function tuningJobNameFor(runId: string, model: string): string {
  const full = `${model}-tune-${runId}`
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= TUNING_JOB_NAME_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, TUNING_JOB_NAME_MAX - 9).replace(/-+$/, '')}-${hash}`;
}
