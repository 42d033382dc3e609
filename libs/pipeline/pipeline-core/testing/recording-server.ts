import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP endpoint that records every request and answers 500: pointing the SageMaker / Logs /
 * S3 endpoints at it proves that a refused batch made no call at all.
 */
export interface RecordingServer {
  url: string;
  /** `METHOD url x-amz-target` of each request, in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${String(req.headers['x-amz-target'] ?? '')}`);
    res.statusCode = 500;
    res.end('{"__type":"InternalFailure","message":"recording server"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
