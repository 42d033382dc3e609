import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

// Not reached from stops-jobs.ts: must not count.
export async function unused(): Promise<void> {
  await new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
}
