import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import S3rver from 's3rver';
import type { S3Client } from '@aws-sdk/client-s3';
import { AwsEndpointConfig } from '../../src/config/aws-endpoint-config';
import { createS3Client } from '../../src/s3-client/create-s3-client';

export interface TestS3 {
  cfg: AwsEndpointConfig;
  s3: S3Client;
  bucket: string;
  close(): Promise<void>;
}

/** Starts a real s3rver on 127.0.0.1 with a random port and a throwaway directory. */
export async function startS3Server(bucket = 'test-bucket'): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const cfg: AwsEndpointConfig = {
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    // s3rver's fixed well-known test credentials, not a secret.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  const s3 = createS3Client(cfg);
  return {
    cfg,
    s3,
    bucket,
    async close() {
      s3.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
