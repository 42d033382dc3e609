import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { StackCredentials } from './credentials';

/** An AWS-style authentication failure: error type (`__type`) and message, as AWS services answer them. */
export interface AuthFailure {
  type:
    | 'MissingAuthenticationTokenException'
    | 'UnrecognizedClientException'
    | 'InvalidSignatureException'
    | 'IncompleteSignatureException';
  message: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query as sent, e.g. `/` or `/?a=b`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
/** AWS accepts a request signed up to 15 minutes from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** The SDK's hash interface over Node's crypto (the signer computes every digest through it). */
type Source = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Source): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

class Sha256 {
  private readonly hash;
  constructor(secret?: Source) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Source): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** Signs a request as the AWS SDK does (for the CLI's own calls); returns the headers to send. */
export async function signRequest(
  req: { method: string; host: string; path: string; headers: Record<string, string>; body: string },
  creds: StackCredentials,
  service: string,
  region = 'us-east-1',
): Promise<Record<string, string>> {
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: Sha256 });
  const [hostname, port] = req.host.split(':');
  const signed = await signer.sign({
    method: req.method,
    protocol: 'http:',
    hostname,
    port: port ? Number(port) : undefined,
    path: req.path,
    headers: { ...req.headers, host: req.host },
    body: req.body,
  });
  return signed.headers as Record<string, string>;
}

/**
 * Checks an AWS Signature V4 (Authorization header) against the stack's one key pair, by signing the same
 * request again with the SDK's own signer over exactly the headers the client signed. Returns undefined
 * when the request is authentic.
 */
export async function verifySigV4(
  req: SignedRequest,
  creds: StackCredentials,
  now: Date = new Date(),
): Promise<AuthFailure | undefined> {
  const header = req.headers.authorization;
  if (!header)
    return { type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const m = AUTH.exec(header);
  if (!m)
    return {
      type: 'IncompleteSignatureException',
      message: 'Authorization header requires AWS4-HMAC-SHA256 Credential, SignedHeaders and Signature',
    };
  const [, accessKeyId, , region, service, signed, signature] = m;
  if (accessKeyId !== creds.accessKeyId)
    return {
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const when = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(amzDate);
  if (!when)
    return { type: 'IncompleteSignatureException', message: 'X-Amz-Date header is missing or malformed' };
  const signingDate = new Date(Date.UTC(+when[1], +when[2] - 1, +when[3], +when[4], +when[5], +when[6]));
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS)
    return {
      type: 'InvalidSignatureException',
      message: `Signature expired: ${amzDate} is now earlier or later than 15 minutes from ${now.toISOString()}`,
    };
  const signedHeaders = signed.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value === undefined)
      return { type: 'IncompleteSignatureException', message: `Signed header '${name}' is missing` };
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const url = new URL(req.url, 'http://local');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? all[0] : all;
  }
  const signer = new SignatureV4({
    credentials: creds,
    region,
    service,
    sha256: Sha256,
    applyChecksum: signedHeaders.includes('x-amz-content-sha256'),
  });
  const resigned = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: 'local',
      path: url.pathname,
      query,
      headers,
      body: req.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders), unsignableHeaders: new Set() },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization ?? ''))?.[1] ?? '';
  const ok = expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return ok
    ? undefined
    : {
        type: 'InvalidSignatureException',
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      };
}
