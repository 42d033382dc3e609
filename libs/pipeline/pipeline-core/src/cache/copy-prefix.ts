import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { listObjects, parseS3Uri } from '@mlops/aws';

/**
 * Server-side copy (CopyObject: no bytes through this process) of every object under `from` to the
 * same relative key under `to`. Returns how many objects were copied.
 */
export async function copyPrefix(s3: S3Client, from: string, to: string): Promise<number> {
  const src = parseS3Uri(from);
  const dst = parseS3Uri(to);
  let copied = 0;
  for await (const o of listObjects(s3, from)) {
    const relative = o.key.slice(src.key.length);
    await s3.send(
      new CopyObjectCommand({
        Bucket: dst.bucket,
        Key: `${dst.key}${relative}`,
        CopySource: `${src.bucket}/${o.key.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
    copied++;
  }
  return copied;
}
