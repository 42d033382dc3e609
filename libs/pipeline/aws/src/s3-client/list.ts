import { HeadObjectCommand, S3Client, S3ServiceException, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { formatS3Uri, parseS3Uri } from './s3-uri';

export interface S3ObjectSummary {
  uri: string;
  bucket: string;
  key: string;
  size: number;
  etag?: string;
  lastModified?: Date;
}

export interface ListObjectsOptions {
  /** Keys per ListObjectsV2 page, 1..1000 (S3's maximum and the default). */
  pageSize?: number;
}

/**
 * Lists objects whose key starts with the URI's key (raw S3 prefix semantics: `s3://b/run1` also
 * matches `run10/...`; end the URI with `/` for a directory). Pages lazily via the SDK paginator.
 */
export async function* listObjects(
  s3: S3Client,
  uriPrefix: string,
  opts: ListObjectsOptions = {},
): AsyncGenerator<S3ObjectSummary> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  const pageSize = opts.pageSize ?? 1000;
  for await (const page of paginateListObjectsV2({ client: s3, pageSize }, { Bucket: bucket, Prefix: key })) {
    for (const o of page.Contents ?? []) {
      if (o.Key === undefined) continue;
      yield {
        uri: formatS3Uri({ bucket, key: o.Key }),
        bucket,
        key: o.Key,
        size: o.Size ?? 0,
        ...(o.ETag ? { etag: o.ETag } : {}),
        ...(o.LastModified ? { lastModified: o.LastModified } : {}),
      };
    }
  }
}

/** Collects {@link listObjects} into an array (small prefixes only). */
export async function listObjectsArray(
  s3: S3Client,
  uriPrefix: string,
  opts: ListObjectsOptions = {},
): Promise<S3ObjectSummary[]> {
  const out: S3ObjectSummary[] = [];
  for await (const o of listObjects(s3, uriPrefix, opts)) out.push(o);
  return out;
}

/** True if the object exists; false on 404; any other error (403, network) is rethrown. */
export async function objectExists(s3: S3Client, uri: string): Promise<boolean> {
  const { bucket, key } = parseS3Uri(uri);
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if (
      err instanceof S3ServiceException &&
      (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound')
    ) {
      return false;
    }
    throw err;
  }
}
