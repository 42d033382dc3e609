/** Maps list-like input; passes anything else through untouched so validation can report it. */
export function mapList<T, R>(value: T[] | undefined, fn: (item: T) => R): R[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(fn) : (value as unknown as R[]);
}

/** Drops undefined members so requests carry only what the caller set. */
export function omitUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

export function toTagList(
  tags: Record<string, string> | undefined,
): { Key: string; Value: string }[] | undefined {
  if (tags === undefined) return undefined;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return tags as never;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
