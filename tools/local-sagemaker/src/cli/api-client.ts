/** Calls the emulator's AWS JSON 1.1 API; the CLI needs no SDK (and no credentials) for that. */
export async function callApi<T = Record<string, unknown>>(
  endpoint: string,
  target: string,
  body: Record<string, unknown>,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new Error(
      `local-sagemaker at ${endpoint} does not answer (${(err as Error).message}); start it with \`start\``,
    );
  }
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${String(json.__type)}: ${String(json.message)}`);
  return json as T;
}
