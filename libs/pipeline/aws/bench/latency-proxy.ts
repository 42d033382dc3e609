import * as net from 'node:net';

/**
 * TCP proxy that delays every server→client chunk by `delayMs` (order kept), to model the
 * per-request latency of a real S3 endpoint, which loopback s3rver lacks. Bench-only.
 */
export async function startLatencyProxy(
  upstreamPort: number,
  delayMs: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    let chain = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      const due = Date.now() + delayMs;
      chain = chain.then(
        () =>
          new Promise<void>((r) =>
            setTimeout(() => (client.destroyed || client.write(chunk), r()), Math.max(0, due - Date.now())),
          ),
      );
    });
    upstream.on('end', () => void chain.then(() => client.end()));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
