import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { StackCredentials } from '../auth/credentials';
import { loopbackProblem } from '../auth/loopback';
import { verifySigV4 } from '../auth/sigv4';
import { ApiError } from './errors';

/** A handler takes the parsed JSON request body and returns the JSON response body. */
export type Handler = (body: Record<string, unknown>) => Promise<unknown> | unknown;
/** Handlers keyed by the full `X-Amz-Target`, e.g. `SageMaker.CreateTrainingJob`. */
export type HandlerMap = Record<string, Handler>;

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;

export interface RunningServer {
  server: Server;
  port: number;
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts the AWS JSON 1.1 endpoint on loopback only: it runs containers, so it must not face a network.
 * Every request must come with the loopback Host of this port, no browser origin, and a SigV4 signature
 * made with the stack's credentials; anything else is refused before a handler runs.
 */
export async function startApiServer(
  handlers: HandlerMap,
  credentials: StackCredentials,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningServer> {
  let boundPort = port;
  const server = createServer((req, res) => void handle(handlers, credentials, boundPort, req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('API server has no TCP address');
  boundPort = address.port;
  return {
    server,
    port: address.port,
    endpoint: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  handlers: HandlerMap,
  credentials: StackCredentials,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const foreign = loopbackProblem(req.headers, port);
    if (foreign) {
      req.resume();
      throw new ApiError('AccessDeniedException', foreign, 403);
    }
    const raw = await readBody(req);
    const denied = await verifySigV4(
      {
        method: req.method ?? 'POST',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.from(raw, 'utf8'),
      },
      credentials,
    );
    if (denied)
      throw new ApiError(
        denied.type,
        denied.message,
        denied.type === 'IncompleteSignatureException' ? 400 : 403,
      );
    if (req.method !== 'POST')
      throw new ApiError('UnknownOperationException', `Method ${req.method} not allowed`);
    const target = String(req.headers['x-amz-target'] ?? '');
    const handler = handlers[target];
    if (!handler)
      throw new ApiError('UnknownOperationException', `Unknown operation: X-Amz-Target '${target}'`);
    const body = parseBody(raw);
    send(res, 200, (await handler(body)) ?? {}, requestId);
  } catch (err) {
    const apiError =
      err instanceof ApiError
        ? err
        : new ApiError('InternalFailure', err instanceof Error ? err.message : String(err), 500);
    send(
      res,
      apiError.status,
      { __type: apiError.type, message: apiError.message },
      requestId,
      apiError.type,
    );
  }
}

function parseBody(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError('SerializationException', 'Request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ApiError('SerializationException', 'Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

/**
 * Reads the body up to {@link MAX_BODY_BYTES}. A larger one is read to its end and thrown away (up to
 * {@link MAX_DISCARD_BYTES}) so the client gets an error response rather than a connection reset while
 * it is still sending; past that the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARD_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(
          new ApiError(
            'SerializationException',
            `Request body of ${size} bytes exceeds the limit of ${MAX_BODY_BYTES} bytes`,
            413,
          ),
        );
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  errorType?: string,
): void {
  const payload = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  res.writeHead(status, headers);
  res.end(payload);
}
