import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import S3rver from '@20minutes/s3rver';
import type { StackCredentials } from '../auth/credentials';
import { s3ErrorXml, s3RequestProblem } from './request-guard';
import { assertPatched, registerKeyPair } from './s3rver-accounts';

export interface EmbeddedS3Options {
  /** Where objects live; survives restarts. */
  directory: string;
  /** The stack's key pair: the only one this S3 accepts. */
  credentials: StackCredentials;
  /** 0 = any free port. */
  port?: number;
  /** Buckets created at start (existing ones are kept). */
  buckets?: string[];
}

export interface EmbeddedS3 {
  endpoint: string;
  port: number;
  credentials: StackCredentials;
  close(): Promise<void>;
}

/**
 * An S3-API server (s3rver) on loopback with a data dir, started when the config asks for it. s3rver
 * handles the S3 API and checks signatures; in front of it, every request must pass s3RequestProblem
 * (loopback Host, no browser origin, signed with the stack's key, no path that leaves the data dir).
 */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  assertPatched();
  mkdirSync(options.directory, { recursive: true });
  const s3rver = new S3rver({
    directory: options.directory,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  registerKeyPair(options.credentials);
  await s3rver.configureBuckets();
  // s3rver never listens itself: it is the request handler of the guarded server below.
  const handle = s3rver.callback();
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    const denial = s3RequestProblem(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
      port,
      options.credentials.accessKeyId,
    );
    if (!denial) return void handle(req, res);
    const requestId = randomUUID();
    res.writeHead(denial.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
    res.end(s3ErrorXml(denial, requestId));
    req.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('embedded S3 has no TCP address');
  port = address.port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    credentials: options.credentials,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
