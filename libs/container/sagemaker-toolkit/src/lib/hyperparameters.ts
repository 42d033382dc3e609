/**
 * Typed, validated hyperparameters. Two styles: typed getters (`hp.int('epochs')`), or any schema
 * with zod's `safeParse` shape (zod is not imported here, so the runtime stays dependency-free).
 * Every problem becomes a HyperparameterError naming the key, the expected type and the value.
 */
import { HyperparameterError } from './errors';
import { JsValue } from './py-value';

export type Hyperparameters = Record<string, JsValue>;

interface GetterOptions<T> {
  /** Used when the key is absent; without it a missing key is an error. */
  default?: T;
}

interface NumberOptions<T> extends GetterOptions<T> {
  min?: number;
  max?: number;
}

export interface HyperparameterReader {
  /** Integer (a JSON int; bigint values outside 2^53 are rejected as imprecise). */
  int(key: string, options?: NumberOptions<number>): number;
  /** Any finite or non-finite number (`1`, `1.0`, `1e-05`, `NaN`, `Infinity`). */
  float(key: string, options?: NumberOptions<number>): number;
  /** `true`/`false`; also Python's `"True"`/`"False"`, which json.loads leaves as strings. */
  bool(key: string, options?: GetterOptions<boolean>): boolean;
  string(key: string, options?: GetterOptions<string>): string;
  /** One of the given strings. */
  oneOf<T extends string>(key: string, values: readonly T[], options?: GetterOptions<T>): T;
  /** A JSON list. */
  list(key: string, options?: GetterOptions<JsValue[]>): JsValue[];
  /** Whether the key was given. */
  has(key: string): boolean;
}

/** Typed getters over decoded hyperparameters (e.g. `env.hyperparameters`). */
export function hyperparameterReader(hps: Hyperparameters): HyperparameterReader {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(hps, key);
  function get<T>(
    key: string,
    expected: string,
    options: GetterOptions<T> | undefined,
    check: (v: JsValue) => T | undefined,
  ): T {
    if (!has(key)) {
      if (options && 'default' in options && options.default !== undefined) return options.default;
      throw new HyperparameterError(key, expected, undefined);
    }
    const value = hps[key];
    const out = check(value);
    if (out === undefined) throw new HyperparameterError(key, expected, value);
    return out;
  }
  function range(key: string, expected: string, n: number, o?: NumberOptions<number>): number {
    if ((o?.min !== undefined && n < o.min) || (o?.max !== undefined && n > o.max)) {
      const bounds = [o?.min !== undefined ? `>= ${o.min}` : '', o?.max !== undefined ? `<= ${o.max}` : ''];
      throw new HyperparameterError(key, `${expected} ${bounds.filter(Boolean).join(' and ')}`, n);
    }
    return n;
  }
  return {
    has,
    int: (key, o) =>
      range(
        key,
        'an integer',
        get(key, 'an integer', o, (v) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined)),
        o,
      ),
    float: (key, o) =>
      range(
        key,
        'a number',
        get(key, 'a number', o, (v) => (typeof v === 'number' ? v : undefined)),
        o,
      ),
    bool: (key, o) =>
      get(key, 'a boolean', o, (v) =>
        typeof v === 'boolean' ? v : v === 'True' ? true : v === 'False' ? false : undefined,
      ),
    string: (key, o) => get(key, 'a string', o, (v) => (typeof v === 'string' ? v : undefined)),
    oneOf: <T extends string>(key: string, values: readonly T[], o?: GetterOptions<T>) =>
      get(key, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, o, (v) =>
        typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined,
      ),
    list: (key, o) => get(key, 'a list', o, (v) => (Array.isArray(v) ? v : undefined)),
  };
}

/** The part of a zod (v3 or v4) schema we use. */
export interface SchemaLike<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<SchemaIssue> } };
}

export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  expected?: unknown;
}

/**
 * Validates hyperparameters against a zod schema, e.g.
 * `parseHyperparameters(z.object({ epochs: z.number().int() }), env.hyperparameters)`.
 * The first issue becomes a HyperparameterError (key, expected type, received value).
 */
export function parseHyperparameters<T>(schema: SchemaLike<T>, hps: Hyperparameters): T {
  const result = schema.safeParse(hps);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  const top = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  const received = top !== undefined && Object.prototype.hasOwnProperty.call(hps, top) ? hps[top] : undefined;
  const expected = typeof issue.expected === 'string' ? issue.expected : issue.message;
  const detail = typeof issue.expected === 'string' ? issue.message : undefined;
  throw new HyperparameterError(key, expected, received, detail);
}
