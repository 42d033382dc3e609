import { ConfigIssue } from './config-error';
import { formatKeyPath, KeyPath } from './key-path';

/**
 * Exact key names (compared ignoring case, `_` and `-`) whose values are secrets: they may only hold a
 * reference, never the secret itself. Exact, so `maxTokens`, `tokenizer` or `secretSauce` are ordinary keys.
 */
const SECRET_KEYS = new Set(
  [
    'password',
    'passwd',
    'secret',
    'token',
    'accessToken',
    'authToken',
    'sessionToken',
    'refreshToken',
    'apiToken',
    'apiKey',
    'accessKey',
    'accessKeyId',
    'secretKey',
    'secretAccessKey',
    'privateKey',
    'clientSecret',
    'credential',
    'credentials',
  ].map((k) => k.toLowerCase()),
);
const REFERENCE_RE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

/** Values that are credentials whatever key holds them (the shapes tools/ci's image audit looks for). */
const SECRET_VALUES: [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i, 'a URL with a password'],
];

/**
 * A generated secret (AWS secret key, API token): a run of 32+ base64/url-safe characters mixing upper
 * case, lower case and digits, with over 4.5 bits of Shannon entropy per character. Hex digests (no upper
 * case) and readable names (low entropy) stay below it.
 */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{32,}/g;
const MIN_ENTROPY = 4.5;

export function isSecretKey(key: PropertyKey): boolean {
  return typeof key === 'string' && SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

export function pathHasSecret(path: KeyPath): boolean {
  return path.some(isSecretKey);
}

/** What kind of credential `value` looks like, or undefined. */
export function secretValueKind(value: string): string | undefined {
  for (const [re, what] of SECRET_VALUES) if (re.test(value)) return what;
  for (const [run] of value.matchAll(TOKEN_RUN)) {
    if (/[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run) && entropy(run) > MIN_ENTROPY) {
      return 'a long high-entropy string';
    }
  }
  return undefined;
}

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/**
 * Files are committed, so a literal secret in one is a leak: report it (without echoing the value) and
 * point at the supported forms.
 */
export function findLiteralSecrets(raw: unknown, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  walk(raw, [], (path, value) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string' && REFERENCE_RE.test(value)) return;
    if (!isSecretKey(path[path.length - 1])) {
      const kind = typeof value === 'string' ? secretValueKind(value) : undefined;
      if (kind) {
        issues.push({
          file,
          path: formatKeyPath(path),
          message: `looks like ${kind} (value hidden); secrets may not be in config files: put an "env:NAME" reference under a secret key such as "password"`,
        });
      }
      return;
    }
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
