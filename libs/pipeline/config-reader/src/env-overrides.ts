import { parse as parseYaml } from 'yaml';
import { ConfigIssue } from './config-error';
import { formatKeyPath } from './key-path';
import { isPrototypeKey, prototypeKeyMessage } from './prototype-keys';

export const ENV_PREFIX = 'MLOPS__';

export interface AppliedOverride {
  envVar: string;
  path: string;
}

/**
 * `MLOPS__AWS__REGION=eu-west-1` sets `aws.region`. Segments are split on `__`; each segment matches an
 * existing key case-insensitively ignoring `_`/`-` (so `FORCE_PATH_STYLE` hits `forcePathStyle`), else
 * becomes camelCase. Values are parsed as YAML scalars, so `3` is a number and `true` a boolean.
 * Mutates `raw`; returns what was applied so errors can name the env var.
 */
export function applyEnvOverrides(
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  file: string,
): { applied: AppliedOverride[]; issues: ConfigIssue[] } {
  const applied: AppliedOverride[] = [];
  const issues: ConfigIssue[] = [];
  replaceSwitchedSections(raw, env);
  // Sorted so the outcome does not depend on env ordering.
  for (const envVar of Object.keys(env).sort()) {
    if (!envVar.startsWith(ENV_PREFIX)) continue;
    const value = env[envVar];
    if (value === undefined) continue;
    const segments = envVar.slice(ENV_PREFIX.length).split('__');
    if (segments.some((s) => s === '')) {
      issues.push({
        file,
        path: '',
        envVar,
        message: `malformed override name; expected ${ENV_PREFIX}SECTION__KEY`,
      });
      continue;
    }
    let node: Record<string, unknown> = raw;
    const path: string[] = [];
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const key = matchKey(node, segments[i]);
      path.push(key);
      if (isPrototypeKey(key)) {
        issues.push({ file, path: formatKeyPath(path), envVar, message: prototypeKeyMessage(key) });
        ok = false;
        break;
      }
      if (i === segments.length - 1) {
        node[key] = parseValue(value);
        break;
      }
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (next === undefined || next === null) {
        node[key] = {};
      } else if (typeof next !== 'object' || Array.isArray(next)) {
        issues.push({
          file,
          path: formatKeyPath(path),
          envVar,
          message: 'cannot override inside a non-object value',
        });
        ok = false;
        break;
      }
      node = node[key] as Record<string, unknown>;
    }
    if (ok) applied.push({ envVar, path: formatKeyPath(path) });
  }
  return { applied, issues };
}

/**
 * Sections whose shape depends on one key (`db.type`: sqlite has `path`, postgres has `host`, `user`, ...).
 * An override that switches that key replaces the section with the overrides' keys instead of merging
 * them into the file's, so `MLOPS__DB__TYPE=postgres MLOPS__DB__HOST=...` needs no copied config.
 */
const SWITCHED_SECTIONS = [{ section: 'db', key: 'type' }];

function replaceSwitchedSections(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  for (const { section, key } of SWITCHED_SECTIONS) {
    const envVar = Object.keys(env).find((name) => {
      const segments = name.startsWith(ENV_PREFIX) ? name.slice(ENV_PREFIX.length).split('__') : [];
      return segments.length === 2 && normalize(segments[0]) === section && normalize(segments[1]) === key;
    });
    const value = envVar === undefined ? undefined : env[envVar];
    if (value === undefined) continue;
    const current = raw[matchKey(raw, section)];
    const currentType =
      current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    if (currentType !== parseValue(value)) raw[matchKey(raw, section)] = {};
  }
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/[_-]/g, '');
}

function matchKey(node: Record<string, unknown>, segment: string): string {
  const found = Object.keys(node).find((k) => normalize(k) === normalize(segment));
  return found ?? segment.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function parseValue(text: string): unknown {
  if (text.trim() === '') return text;
  try {
    return parseYaml(text) as unknown;
  } catch {
    return text;
  }
}
