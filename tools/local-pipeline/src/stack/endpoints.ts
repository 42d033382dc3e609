/** The port of a configured endpoint URL (`http://127.0.0.1:4570` → 4570). */
export function endpointPort(url: string, field: string): number {
  const parsed = new URL(url);
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${field}: no usable port in ${JSON.stringify(url)}`);
  return port;
}
