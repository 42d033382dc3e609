import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import { loadOrCreateCredentials, startEmbeddedS3 } from '@mlops/local-sagemaker';

/**
 * Reopens the local S3's data dir (`<stateDir>/local-sagemaker/s3`) after the main job stopped its stack,
 * through the product's own guarded S3 and the stack's key pair, so the tests can look at what the
 * pipeline wrote through the S3 API.
 */
export async function withLocalS3<T>(stateDir: string, fn: (s3: S3Client) => Promise<T>): Promise<T> {
  const stackDir = join(stateDir, 'local-sagemaker');
  const credentials = loadOrCreateCredentials(stackDir);
  const server = await startEmbeddedS3({ directory: join(stackDir, 's3'), credentials });
  const s3 = createS3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials,
  });
  try {
    return await fn(s3);
  } finally {
    s3.destroy();
    await server.close();
  }
}

export async function keysUnder(s3: S3Client, uri: string): Promise<string[]> {
  return (await listObjectsArray(s3, uri)).map((o) => o.key);
}
