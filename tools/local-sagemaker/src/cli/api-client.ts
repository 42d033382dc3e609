import { signRequest } from '../auth/sigv4';
import type { StackCredentials } from '../auth/credentials';

/** Where a running local SageMaker answers, and the key pair it requires. */
export interface ApiTarget {
  endpoint: string;
  credentials: StackCredentials;
}

/** Calls the emulator's AWS JSON 1.1 API, signed with the stack's credentials (SigV4, as the SDK signs). */
export async function callApi<T = Record<string, unknown>>(
  api: ApiTarget,
  target: string,
  body: Record<string, unknown>,
): Promise<T> {
  const payload = JSON.stringify(body);
  const url = new URL(api.endpoint);
  const headers = await signRequest(
    {
      method: 'POST',
      host: url.host,
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: payload,
    },
    api.credentials,
    target.startsWith('Logs_') ? 'logs' : 'sagemaker',
  );
  let res: Response;
  try {
    res = await fetch(api.endpoint, { method: 'POST', headers, body: payload });
  } catch (err) {
    throw new Error(
      `local-sagemaker at ${api.endpoint} does not answer (${(err as Error).message}); start it with \`start\``,
    );
  }
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${String(json.__type)}: ${String(json.message)}`);
  return json as T;
}
