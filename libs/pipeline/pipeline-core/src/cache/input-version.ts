import type { S3Client } from '@aws-sdk/client-s3';
import { listObjects, parseS3Uri } from '@mlops/aws';
import { contentVersion } from '../collect/dataset-version';

/**
 * The dataset version of whatever an input points at, from S3's listing alone (no download): the
 * version rule of collect/dataset-version over (key relative to the URI, ETag + size). The ETag of a
 * single-part upload is the MD5 of the bytes, and CopyObject keeps it, so a copied dataset has the
 * version of its original; a multipart upload of the same bytes may differ (a cache miss, never a
 * false hit).
 */
export async function s3ContentVersion(s3: S3Client, uri: string): Promise<string> {
  const base = parseS3Uri(uri).key;
  const entries: { name: string; digest: string }[] = [];
  for await (const o of listObjects(s3, uri))
    entries.push({ name: o.key.slice(base.length), digest: `${o.etag ?? ''}:${o.size}` });
  return contentVersion(entries);
}
