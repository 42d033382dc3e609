import { ConfigIssue } from './config-error';
import { formatKeyPath, KeyPath } from './key-path';

/** Keys whose values are secrets: they may only hold a reference, never the secret itself. */
const SECRET_KEY_RE = /(password|passwd|secret|token|access_?key|api_?key|credential)/i;
const REFERENCE_RE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

export function isSecretKey(key: PropertyKey): boolean {
  return typeof key === 'string' && SECRET_KEY_RE.test(key);
}

export function pathHasSecret(path: KeyPath): boolean {
  return path.some(isSecretKey);
}

/**
 * Files are committed, so a literal secret in one is a leak: report it (without echoing the value) and
 * point at the supported forms.
 */
export function findLiteralSecrets(raw: unknown, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  walk(raw, [], (path, value) => {
    if (!isSecretKey(path[path.length - 1])) return;
    if (value === null || value === undefined) return;
    if (typeof value === 'string' && REFERENCE_RE.test(value)) return;
    issues.push({
      file,
      path: formatKeyPath(path),
      message:
        'secret values are not allowed in config files (value hidden); expected a reference like "env:PGPASSWORD" ' +
        `or the env var MLOPS__${path.map((p) => String(p).toUpperCase()).join('__')}`,
    });
  });
  return issues;
}

/** Replaces every `env:NAME` reference under a secret key with the env value; reports unset variables. */
export function resolveSecretReferences(
  data: unknown,
  env: NodeJS.ProcessEnv,
  file: string,
): { issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  walk(data, [], (path, value, parent) => {
    const key = path[path.length - 1];
    if (!isSecretKey(key) || typeof value !== 'string') return;
    const m = REFERENCE_RE.exec(value);
    if (!m) return;
    const resolved = env[m[1]];
    if (resolved === undefined || resolved === '') {
      issues.push({
        file,
        path: formatKeyPath(path),
        message: `secret reference "${value}": env var ${m[1]} is not set`,
      });
      return;
    }
    (parent as Record<string, unknown>)[key as string] = resolved;
  });
  return { issues };
}

function walk(
  node: unknown,
  path: PropertyKey[],
  visit: (path: PropertyKey[], value: unknown, parent: unknown) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      visit([...path, i], v, node);
      walk(v, [...path, i], visit);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      visit([...path, k], v, node);
      walk(v, [...path, k], visit);
    }
  }
}
