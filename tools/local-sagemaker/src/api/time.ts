/** AWS JSON 1.1 timestamps are epoch seconds (fractional allowed); we store milliseconds. */
export const toAwsTime = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Parses a request timestamp (epoch seconds as number) into milliseconds. */
export const fromAwsTime = (value: unknown): number | undefined =>
  typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : undefined;
