import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { AwsEndpointConfig } from '../../src/config/aws-endpoint-config';
import { createS3Client } from '../../src/s3-client/create-s3-client';

export interface TestS3 {
  cfg: AwsEndpointConfig;
  s3: S3Client;
  bucket: string;
  /** PID of the server process (benchmarks exclude it from client RSS). */
  pid: number;
  close(): Promise<void>;
}

/**
 * Starts a real s3rver (child process) on 127.0.0.1 with a random port and a throwaway directory.
 * Fails loudly if it cannot start.
 */
export async function startS3Server(bucket = 'test-bucket'): Promise<TestS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  // Next to this file under Jest; from the repo root when bundled into bench/dist.
  const script = [
    path.join(__dirname, 's3rver-process.js'),
    path.resolve('libs/pipeline/aws/test/support/s3rver-process.js'),
  ].find((p) => existsSync(p));
  if (!script) throw new Error('s3rver-process.js not found (run benchmarks from the repo root)');
  const child = spawn(process.execPath, [script, directory, bucket], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within 15 s: ${err}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited with ${code}: ${err}`));
    });
  });
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
    pid: child.pid as number,
    async close() {
      s3.destroy();
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
