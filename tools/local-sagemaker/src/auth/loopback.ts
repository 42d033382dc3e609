import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a request must be refused before it is read, or undefined. The stack listens on loopback only, but a
 * web page can still reach loopback: through DNS rebinding (a foreign Host) or as a cross-origin request
 * (an Origin header; browsers send one on every cross-origin fetch and form POST). Neither comes from an
 * AWS client, so both are refused.
 */
export function loopbackProblem(headers: IncomingHttpHeaders, port: number): string | undefined {
  const host = headers.host;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!host || !allowed.includes(host.toLowerCase()))
    return `Host '${host ?? ''}' is not this local endpoint (expected one of ${allowed.join(', ')})`;
  if (headers.origin !== undefined) return `cross-origin request from '${headers.origin}' refused`;
  if (headers['sec-fetch-site'] !== undefined && headers['sec-fetch-site'] !== 'none')
    return 'browser request refused';
  return undefined;
}
