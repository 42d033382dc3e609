/** TrainingJobName / ProcessingJobName: 1..63 chars, full match of the service pattern. */
export const JOB_NAME_PATTERN = /^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})$/;
export const JOB_NAME_MAX = 63;

/** `YYYY-MM-DD-HH-MM-SS-mmm` in UTC, as the SageMaker Python SDK's `name_from_base`. */
export function jobTimestamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return [
    now.getUTCFullYear(),
    p(now.getUTCMonth() + 1),
    p(now.getUTCDate()),
    p(now.getUTCHours()),
    p(now.getUTCMinutes()),
    p(now.getUTCSeconds()),
    p(now.getUTCMilliseconds(), 3),
  ].join('-');
}

/**
 * `<base>-<timestamp>`, always a valid job name: characters outside `[a-zA-Z0-9-]` become `-`,
 * leading/trailing hyphens go, and the base is trimmed so the whole name fits in 63 characters.
 */
export function makeJobName(base: string, now: Date = new Date()): string {
  const ts = jobTimestamp(now);
  const room = JOB_NAME_MAX - ts.length - 1;
  const cleaned = String(base)
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, room)
    .replace(/-+$/, '');
  if (cleaned === '') {
    throw new Error(
      `makeJobName: base ${JSON.stringify(base)} has no letters or digits to build a job name from`,
    );
  }
  return `${cleaned}-${ts}`;
}

export function isValidJobName(name: string): boolean {
  return typeof name === 'string' && name.length <= JOB_NAME_MAX && JOB_NAME_PATTERN.test(name);
}
