// @20minutes/s3rver ships no types; what the embedded S3 and the tests' own s3rver instances use.
declare module '@20minutes/s3rver' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string }[];
  }
  class S3rver {
    constructor(options: S3rverOptions);
    /** Creates the buckets of `configureBuckets` (existing ones are kept). */
    configureBuckets(): Promise<void>;
    /** The Koa request handler. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    httpServer?: Server;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
  export = S3rver;
}
