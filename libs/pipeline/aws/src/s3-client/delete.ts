import { DeleteObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import { directoryPrefix, formatS3Uri, parseS3Uri } from './s3-uri';
import { listObjects } from './list';

/**
 * Deletes every object under the prefix, treated as a directory (`s3://b/run1` never touches
 * `run10/`). Refuses the bucket root to avoid wiping a bucket by a config slip.
 * Returns the number of deleted objects.
 */
export async function deletePrefix(s3: S3Client, uriPrefix: string): Promise<number> {
  const { bucket, key } = parseS3Uri(uriPrefix);
  if (key === '' || key === '/') {
    throw new Error(`deletePrefix: refusing to delete the whole bucket (${JSON.stringify(uriPrefix)})`);
  }
  const prefix = directoryPrefix(key);
  let deleted = 0;
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const res = await s3.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    if (res.Errors && res.Errors.length > 0) {
      const e = res.Errors[0];
      throw new Error(
        `deletePrefix: ${res.Errors.length} object(s) not deleted, first ${formatS3Uri({ bucket, key: e.Key ?? '' })}: ${e.Code} ${e.Message}`,
      );
    }
    deleted += batch.length;
    batch = [];
  };
  for await (const o of listObjects(s3, formatS3Uri({ bucket, key: prefix }))) {
    batch.push(o.key);
    // DeleteObjects takes at most 1000 keys.
    if (batch.length === 1000) await flush();
  }
  await flush();
  return deleted;
}
