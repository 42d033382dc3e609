import type { IncomingHttpHeaders } from 'node:http';
import { loopbackProblem } from '../auth/loopback';

/** An S3-style refusal: HTTP status, error code and message, as S3 answers in XML. */
export interface S3Denial {
  status: number;
  code: 'AccessDenied' | 'InvalidAccessKeyId' | 'InvalidArgument' | 'MethodNotAllowed';
  message: string;
}

export interface S3RequestLine {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const CREDENTIAL = /Credential=([^/\s,]+)\//;

/**
 * Decides, before the request reaches the S3 server, whether it is refused: a foreign Host or a browser
 * origin; no SigV4 signature, or one with another key than the stack's (the server checks the signature
 * itself, with the stack's secret); any path, key, prefix or copy source with a `.` or `..` segment (the
 * store maps keys to files, so such a key would resolve outside its folder); form POST uploads.
 */
export function s3RequestProblem(
  req: S3RequestLine,
  port: number,
  accessKeyId: string,
): S3Denial | undefined {
  const loopback = loopbackProblem(req.headers, port);
  if (loopback) return { status: 403, code: 'AccessDenied', message: loopback };
  const url = new URL(req.url, 'http://local');
  const presigned = url.searchParams.get('X-Amz-Credential');
  const auth = String(req.headers.authorization ?? '');
  const keyId =
    presigned !== null
      ? presigned.split('/')[0]
      : auth.startsWith('AWS4-HMAC-SHA256 ')
        ? CREDENTIAL.exec(auth)?.[1]
        : undefined;
  if (!keyId)
    return {
      status: 403,
      code: 'AccessDenied',
      message: "Anonymous and SigV2 requests are refused: sign with SigV4 and the local stack's credentials",
    };
  if (keyId !== accessKeyId)
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (req.method === 'POST' && contentType.startsWith('multipart/form-data'))
    return {
      status: 405,
      code: 'MethodNotAllowed',
      message: 'Browser form uploads (POST Object) are refused by the local S3',
    };
  const places: Array<[string, string | null]> = [
    // The raw path: URL parsing would resolve the very `..` segments this looks for.
    ['path', safeDecode(req.url.split('?')[0])],
    ['prefix', url.searchParams.get('prefix')],
    ['start-after', url.searchParams.get('start-after')],
    ['marker', url.searchParams.get('marker')],
    [
      'x-amz-copy-source',
      req.headers['x-amz-copy-source'] ? safeDecode(String(req.headers['x-amz-copy-source'])) : null,
    ],
  ];
  for (const [where, value] of places) {
    if (value === null) continue;
    if (value.includes('\0') || value.split('/').some((seg) => seg === '.' || seg === '..'))
      return {
        status: 400,
        code: 'InvalidArgument',
        message: `${where} '${value}' has a '.' or '..' segment or a NUL byte: refused by the local S3`,
      };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The XML error body S3 sends. */
export function s3ErrorXml(denial: S3Denial, requestId: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${denial.code}</Code><Message>${esc(denial.message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}
