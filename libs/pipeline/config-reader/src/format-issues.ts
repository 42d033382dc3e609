import type { core } from 'zod';
import { ConfigIssue } from './config-error';
import { formatKeyPath, KeyPath } from './key-path';
import { pathHasSecret } from './secrets';

/** Turns zod issues into file/key-path/expected-vs-actual messages, never echoing secret values. */
export function zodIssuesToConfigIssues(
  zodIssues: readonly core.$ZodIssue[],
  file: string,
  locate: (path: KeyPath) => { file?: string; line?: number; envVar?: string },
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of zodIssues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ file, path: formatKeyPath(path), message: 'unknown key (typo?)', ...locate(path) });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record key that breaks its rule (e.g. a tag key): say why, at the key's path.
      out.push(...zodIssuesToConfigIssues(issue.issues.map(prefixPath(issue.path)), file, locate));
      continue;
    }
    if (issue.code === 'invalid_union' && isTypeMismatchInEveryArm(issue.errors)) {
      // e.g. a hyperparameter value: "expected string | number | boolean" reads better than arm by arm.
      const expected = issue.errors
        .map((arm) => yamlType((arm[0] as { expected: string }).expected))
        .join(' | ');
      const got = pathHasSecret(issue.path)
        ? '(value hidden)'
        : describeValue((issue as { input?: unknown }).input);
      out.push({
        file,
        path: formatKeyPath(issue.path),
        message: `expected ${expected}, got ${got}`,
        ...locate(issue.path),
      });
      continue;
    }
    if (
      issue.code === 'invalid_union' &&
      issue.errors.length > 0 &&
      issue.errors.every((e) => e.length > 0)
    ) {
      // A union arm per alternative would be noise; the first arm's issues are the closest match.
      out.push(...zodIssuesToConfigIssues(issue.errors[0].map(prefixPath(issue.path)), file, locate));
      continue;
    }
    out.push({ file, path: formatKeyPath(issue.path), message: describeIssue(issue), ...locate(issue.path) });
  }
  return out;
}

function isTypeMismatchInEveryArm(arms: core.$ZodIssue[][]): boolean {
  return (
    arms.length > 0 &&
    arms.every((a) => a.length === 1 && a[0].code === 'invalid_type' && a[0].path.length === 0)
  );
}

/** zod's type names in YAML terms: users write mappings and lists, not records and arrays. */
function yamlType(expected: string): string {
  if (expected === 'object' || expected === 'record') return 'a mapping';
  if (expected === 'array') return 'a list';
  return expected;
}

function prefixPath(prefix: PropertyKey[]) {
  return (i: core.$ZodIssue): core.$ZodIssue => ({ ...i, path: [...prefix, ...i.path] });
}

function describeIssue(issue: core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const secret = pathHasSecret(issue.path);
  const got = secret ? '(value hidden)' : describeValue(input);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing required key (expected ${yamlType(issue.expected)})`;
      return `expected ${yamlType(issue.expected)}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${got}`;
    case 'too_small':
    case 'too_big': {
      const rel = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'string') {
        const unit = issue.origin === 'array' ? 'item(s)' : 'character(s)';
        const size = Array.isArray(input) || typeof input === 'string' ? input.length : undefined;
        return `expected ${rel} ${limit} ${unit}, got ${size ?? got}`;
      }
      const what = issue.origin === 'number' || issue.origin === 'int' ? 'a value' : `${issue.origin} size`;
      return `expected ${what} ${rel} ${limit}, got ${got}`;
    }
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        // zod reports the whole object as input; show the discriminator's own value.
        const { options = [], discriminator = '' } = issue as { options?: unknown[]; discriminator?: string };
        const value =
          input !== null && typeof input === 'object'
            ? (input as Record<string, unknown>)[discriminator]
            : input;
        return `expected one of ${options.map((o) => JSON.stringify(o)).join(' | ')}, got ${describeValue(value)}`;
      }
      return `${issue.message}, got ${got}`;
    default:
      return input === undefined ? issue.message : `${issue.message}, got ${got}`;
  }
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  const shown = s.length > 80 ? `${s.slice(0, 77)}...` : s;
  return `${typeof v} ${shown}`;
}
