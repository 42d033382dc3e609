import type { S3Client } from '@aws-sdk/client-s3';
import { listObjects } from '@mlops/aws';

/** True when at least one object lives under the prefix (stops after the first page). */
export async function hasObjects(s3: S3Client, uriPrefix: string): Promise<boolean> {
  for await (const o of listObjects(s3, uriPrefix)) {
    if (!o.key.endsWith('/')) return true;
  }
  return false;
}
