/** A location in S3. `key` may be empty (bucket root) or a prefix. */
export interface S3Location {
  bucket: string;
  key: string;
}

export class S3UriError extends Error {
  override name = 'S3UriError';
  constructor(
    readonly uri: unknown,
    reason: string,
  ) {
    super(`Invalid S3 URI ${JSON.stringify(uri)}: ${reason}`);
  }
}

// S3 bucket naming rules (3..63, lowercase letters, digits, dots, hyphens; start/end alphanumeric).
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `s3://bucket/key`. Rejects other schemes, bad bucket names, and keys over 1024 bytes. */
export function parseS3Uri(uri: string): S3Location {
  if (typeof uri !== 'string') throw new S3UriError(uri, 'expected a string');
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(uri);
  if (!m) throw new S3UriError(uri, 'must start with "s3://"');
  const bucket = m[1];
  const key = m[2] ?? '';
  if (bucket === '') throw new S3UriError(uri, 'bucket name is empty');
  if (!BUCKET_RE.test(bucket) || bucket.includes('..')) {
    throw new S3UriError(uri, `bucket "${bucket}" is not a valid bucket name`);
  }
  if (Buffer.byteLength(key, 'utf8') > 1024) throw new S3UriError(uri, 'key is longer than 1024 bytes');
  if ([...key].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new S3UriError(uri, 'key contains control characters');
  return { bucket, key };
}

export function formatS3Uri(loc: S3Location): string {
  if (!BUCKET_RE.test(loc.bucket))
    throw new S3UriError(`s3://${loc.bucket}/${loc.key}`, 'invalid bucket name');
  return `s3://${loc.bucket}/${loc.key}`;
}

/** Joins path parts onto an S3 URI with exactly one `/` between them: `joinS3Uri('s3://b/a/', 'x', 'y')`. */
export function joinS3Uri(base: string, ...parts: string[]): string {
  const loc = parseS3Uri(base);
  const segments = [loc.key, ...parts].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '');
  let key = segments.join('/');
  // Keep a trailing slash if the caller asked for a "directory".
  const last = parts.length > 0 ? parts[parts.length - 1] : loc.key;
  if (last.endsWith('/') && key !== '') key += '/';
  return formatS3Uri({ bucket: loc.bucket, key });
}

/** Treats a prefix as a directory so `s3://b/run1` never matches `s3://b/run10/...`. */
export function directoryPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}
