import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { directoryPrefix, formatS3Uri, parseS3Uri } from './s3-uri';
import { listObjects } from './list';
import { forEachConcurrent } from '../util/concurrency';

export interface DownloadedObject {
  uri: string;
  localPath: string;
  bytes: number;
}

export interface DownloadPrefixOptions {
  /** Objects downloaded in parallel; default 16. */
  concurrency?: number;
}

/**
 * Streams one object to `localPath`. Writes to a temp file beside it and renames on success, so a
 * failed or interrupted download never leaves a truncated file under the final name.
 */
export async function downloadFile(s3: S3Client, uri: string, localPath: string): Promise<DownloadedObject> {
  const { bucket, key } = parseS3Uri(uri);
  if (key === '' || key.endsWith('/')) {
    throw new Error(`downloadFile: source ${JSON.stringify(uri)} must name an object, not a prefix`);
  }
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = res.Body;
  if (!(body instanceof Readable)) throw new Error(`downloadFile: ${uri} returned no readable body`);
  await fs.mkdir(path.dirname(localPath), { recursive: true });
  const tmp = `${localPath}.part-${randomBytes(4).toString('hex')}`;
  try {
    await pipeline(body, createWriteStream(tmp));
    const { size } = await fs.stat(tmp);
    if (res.ContentLength !== undefined && size !== res.ContentLength) {
      throw new Error(`downloadFile: ${uri} truncated: got ${size} of ${res.ContentLength} bytes`);
    }
    await fs.rename(tmp, localPath);
    return { uri, localPath, bytes: size };
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Maps an object key under `prefix` to a safe relative path; throws if the key would land outside
 * the target directory (S3 keys may contain `..` or start with `/`).
 */
export function keyToRelativePath(key: string, prefix: string, uri: string): string {
  const rel = key.slice(prefix.length);
  const parts = rel.split('/');
  if (
    rel === '' ||
    rel.startsWith('/') ||
    parts.some((p) => p === '..' || p === '.' || p === '') ||
    rel.includes('\\')
  ) {
    throw new Error(
      `downloadPrefix: object ${JSON.stringify(uri)} has a key that is not a safe relative path`,
    );
  }
  return rel;
}

/** Downloads every object under the prefix (a directory) into `dir`, keeping the key layout. */
export async function downloadPrefix(
  s3: S3Client,
  uriPrefix: string,
  dir: string,
  opts: DownloadPrefixOptions = {},
): Promise<DownloadedObject[]> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  const prefix = directoryPrefix(key);
  const results: DownloadedObject[] = [];
  await fs.mkdir(dir, { recursive: true });
  await forEachConcurrent(
    listObjects(s3, formatS3Uri({ bucket, key: prefix })),
    opts.concurrency ?? 16,
    async (o) => {
      // "Folder" marker objects created by consoles carry no data.
      if (o.key.endsWith('/') && o.size === 0) return;
      const rel = keyToRelativePath(o.key, prefix, o.uri);
      results.push(await downloadFile(s3, o.uri, path.join(dir, ...rel.split('/'))));
    },
  );
  return results.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
