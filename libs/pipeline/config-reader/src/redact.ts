import { isSecretKey } from './secrets';

/**
 * A deep copy with every secret-looking key's value replaced by `***`, for printing a loaded config
 * (the loaded config holds resolved secrets such as `db.password`).
 */
export function redactConfig<T>(value: T): T {
  return redact(value) as T;
}

function redact(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(redact);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      isSecretKey(k) && v !== undefined && v !== null ? '***' : redact(v),
    ]),
  );
}
