import type { Violation } from './check-request';

/** `Value 'x' at 'a.b' failed to satisfy constraint: …`, one violation as the service words it. A shorter
 *  `maxValue` cuts long values (for people; the service prints them whole). */
export function violationText(v: Violation, maxValue = Infinity): string {
  let value = show(v.value);
  if (value.length > maxValue) value = `${value.slice(0, maxValue)}…'`;
  return `Value ${value} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
}

/** The ValidationException message: `N validation error(s) detected: …; …`. */
export function validationMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.map((v) => violationText(v)).join('; ')}`;
}

/** Values as the service (Java) prints them: strings bare, lists `[a, b]`, maps `{k=v}`, null unquoted. */
function show(value: unknown): string {
  return value === null || value === undefined ? 'null' : `'${javaString(value)}'`;
}

function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`;
  return String(value);
}
