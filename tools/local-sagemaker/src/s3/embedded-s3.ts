import { mkdirSync } from 'node:fs';
import S3rver from '@20minutes/s3rver';

export interface EmbeddedS3Options {
  /** Where objects live; survives restarts. */
  directory: string;
  /** 0 = any free port. */
  port?: number;
  /** Buckets created at start (existing ones are kept). */
  buckets?: string[];
}

export interface EmbeddedS3 {
  endpoint: string;
  port: number;
  /** s3rver's fixed, public test credentials (not a secret): any client of the local S3 must use them. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  close(): Promise<void>;
}

/** An S3-API server (s3rver) on loopback with a data dir, started when the config asks for it. */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async close() {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
