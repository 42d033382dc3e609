import { validationError } from '../server/errors';

/** Opaque NextToken: the offset into the filtered, sorted list, base64url-encoded. */
export function paginate<T>(
  items: T[],
  nextToken: unknown,
  maxResults: unknown,
  defaultMax: number,
  limit: number,
) {
  let offset = 0;
  if (nextToken !== undefined && nextToken !== null) {
    const decoded = typeof nextToken === 'string' ? Buffer.from(nextToken, 'base64url').toString('utf8') : '';
    const match = /^offset:(\d+)$/.exec(decoded);
    if (!match) throw validationError(`Invalid pagination token '${String(nextToken)}'`);
    offset = Number(match[1]);
  }
  const max = maxResults === undefined || maxResults === null ? defaultMax : Number(maxResults);
  if (!Number.isInteger(max) || max < 1 || max > limit)
    throw validationError(
      `1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: ` +
        `Member must have value between 1 and ${limit}`,
    );
  const page = items.slice(offset, offset + max);
  const next =
    offset + max < items.length ? Buffer.from(`offset:${offset + max}`).toString('base64url') : undefined;
  return { page, nextToken: next };
}
