/** One place a credential-looking value was found; the value itself is never repeated. */
export interface SecretFinding {
  where: string;
  what: string;
}

// Names whose value is a secret when set (env vars, labels, build args in history).
const SECRET_NAME = /(secret|token|passw(or)?d|api_?key|access_?key|private_?key|credential|authorization)/i;

// Values that are credentials whatever they are called.
const SECRET_VALUES: [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\bnpm_[A-Za-z0-9]{30,}\b/, 'an npm token'],
  [/_authToken/i, 'an npm registry auth token (_authToken)'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i, 'a URL with a password'],
  [/\.npmrc\b/, 'an .npmrc (registry credentials)'],
];

/** `NAME=value` pairs in free text (ENV, ARG, LABEL and RUN lines of `docker history`). */
const ASSIGNMENT = /(?:^|[\s"'|])([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s"']*)/g;

function unquote(value: string): string {
  return /^(".*"|'.*')$/.test(value) ? value.slice(1, -1) : value;
}

/** Credential-looking values in `text`: known token shapes, and secret-named assignments with a value. */
export function findSecrets(where: string, text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const [re, what] of SECRET_VALUES) if (re.test(text)) found.push({ where, what });
  for (const m of text.matchAll(ASSIGNMENT)) {
    const [, name, raw] = m;
    if (SECRET_NAME.test(name) && unquote(raw) !== '')
      found.push({ where, what: `${name} is set (value hidden)` });
  }
  return found;
}

/** The same check on an image config's `Env` (`NAME=value`) and `Labels` (name → value). */
export function findConfigSecrets(
  image: string,
  env: readonly string[],
  labels: Readonly<Record<string, string>>,
): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const entry of env) {
    const eq = entry.indexOf('=');
    const name = eq === -1 ? entry : entry.slice(0, eq);
    const value = eq === -1 ? '' : entry.slice(eq + 1);
    if (SECRET_NAME.test(name) && value !== '')
      found.push({ where: `${image} Config.Env`, what: `${name} is set (value hidden)` });
    for (const f of findSecrets(`${image} Config.Env ${name}`, value)) found.push(f);
  }
  for (const [name, value] of Object.entries(labels)) {
    if (SECRET_NAME.test(name) && value !== '')
      found.push({ where: `${image} Config.Labels`, what: `${name} is set (value hidden)` });
    for (const f of findSecrets(`${image} Config.Labels ${name}`, value)) found.push(f);
  }
  return found;
}
