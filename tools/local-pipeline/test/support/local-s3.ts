import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, listObjectsArray } from '@mlops/aws';
import S3rver from '@20minutes/s3rver';
import { S3_CREDENTIALS } from './workspace';

/**
 * Reopens the local S3's data dir (`<stateDir>/local-sagemaker/s3`) after the main job stopped its stack,
 * so the tests can look at what the pipeline wrote through the S3 API.
 */
export async function withLocalS3<T>(stateDir: string, fn: (s3: S3Client) => Promise<T>): Promise<T> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: join(stateDir, 'local-sagemaker', 's3'),
    silent: true,
  });
  const { port } = await server.run();
  const s3 = createS3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
  });
  try {
    return await fn(s3);
  } finally {
    s3.destroy();
    server.httpServer?.closeAllConnections();
    await server.close();
  }
}

export async function keysUnder(s3: S3Client, uri: string): Promise<string[]> {
  return (await listObjectsArray(s3, uri)).map((o) => o.key);
}
