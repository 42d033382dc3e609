import { createReadStream, promises as fs } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { directoryPrefix, formatS3Uri, parseS3Uri } from './s3-uri';
import { forEachConcurrent } from '../util/concurrency';
import { walkFiles } from '../util/walk-files';

export interface UploadFileOptions {
  /** Multipart part size in bytes (min 5 MiB, S3's limit); default 8 MiB. */
  partSize?: number;
  /** Parts in flight per file; memory use is about partSize × queueSize. Default 4. */
  queueSize?: number;
  contentType?: string;
  onProgress?: (p: { uri: string; loaded: number; total?: number }) => void;
}

export interface UploadedObject {
  localPath: string;
  uri: string;
  bytes: number;
}

export interface UploadDirectoryOptions extends Omit<UploadFileOptions, 'onProgress' | 'contentType'> {
  /** Files uploaded in parallel; default 8. */
  concurrency?: number;
}

const MIN_PART = 5 * 1024 * 1024;

/** Streams one file to S3; multipart above `partSize`, so memory stays bounded for multi-GB files. */
export async function uploadFile(
  s3: S3Client,
  localPath: string,
  uri: string,
  opts: UploadFileOptions = {},
): Promise<UploadedObject> {
  const { bucket, key } = parseS3Uri(uri);
  if (key === '' || key.endsWith('/')) {
    throw new Error(`uploadFile: destination ${JSON.stringify(uri)} must name an object, not a prefix`);
  }
  const partSize = opts.partSize ?? 8 * 1024 * 1024;
  if (partSize < MIN_PART)
    throw new RangeError(`uploadFile: partSize ${partSize} is below S3's 5 MiB minimum`);
  // stat first: a missing file fails before any request is made.
  const stat = await fs.stat(localPath);
  if (!stat.isFile()) throw new Error(`uploadFile: ${localPath} is not a regular file`);
  const upload = new Upload({
    client: s3,
    params: {
      Bucket: bucket,
      Key: key,
      Body: createReadStream(localPath, { highWaterMark: 1024 * 1024 }),
      ContentLength: stat.size,
      ...(opts.contentType ? { ContentType: opts.contentType } : {}),
    },
    partSize,
    queueSize: opts.queueSize ?? 4,
    // Failed multipart uploads are aborted, so no orphan parts are billed.
    leavePartsOnError: false,
  });
  if (opts.onProgress) {
    const cb = opts.onProgress;
    upload.on('httpUploadProgress', (p) => cb({ uri, loaded: p.loaded ?? 0, total: p.total }));
  }
  await upload.done();
  return { localPath, uri: formatS3Uri({ bucket, key }), bytes: stat.size };
}

/** Uploads every regular file under `dir` to `uriPrefix/<relative path>`. */
export async function uploadDirectory(
  s3: S3Client,
  dir: string,
  uriPrefix: string,
  opts: UploadDirectoryOptions = {},
): Promise<UploadedObject[]> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  const prefix = directoryPrefix(key);
  const stat = await fs.stat(dir);
  if (!stat.isDirectory()) throw new Error(`uploadDirectory: ${dir} is not a directory`);
  const results: UploadedObject[] = [];
  await forEachConcurrent(walkFiles(dir), opts.concurrency ?? 8, async (f) => {
    results.push(
      await uploadFile(s3, f.absPath, formatS3Uri({ bucket, key: prefix + f.relPath }), {
        partSize: opts.partSize,
        queueSize: opts.queueSize,
      }),
    );
  });
  return results.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
