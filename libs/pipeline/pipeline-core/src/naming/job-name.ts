import { createHash } from 'node:crypto';
import { isValidJobName, JOB_NAME_MAX } from '@mlops/aws';

/**
 * Deterministic job name `<model>-<batch>-<run-id>`: the same run, model and batch always give the same
 * name, which is what makes a rerun attach instead of launching a duplicate. Over 63 chars, the start
 * is kept and a hash of the full name is appended so distinct inputs stay distinct.
 */
export function jobNameFor(runId: string, model: string, batch: string): string {
  const full = `${model}-${batch}-${runId}`
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const name =
    full.length <= JOB_NAME_MAX
      ? full
      : `${full.slice(0, JOB_NAME_MAX - 9).replace(/-+$/, '')}-${createHash('sha256').update(full).digest('hex').slice(0, 8)}`;
  if (!isValidJobName(name))
    throw new Error(`jobNameFor: cannot build a valid job name from ${JSON.stringify(full)}`);
  return name;
}
