/**
 * Port of the toolkit's mapping.py: a dict of values -> SM_* env vars and -> CLI args.
 * Input is a PyDict (exact Python semantics) or plain JS data (see `fromJs` for the float caveat).
 */
import { fromJs, PyDict, PyValue, sortedKeys } from './py-value';
import { jsonDumps, pyStr } from './python-format';

export type MappingInput = PyDict | Record<string, unknown>;

function asDict(mapping: MappingInput): PyDict {
  return mapping instanceof Map ? mapping : (fromJs(mapping) as PyDict);
}

/** Env var value: str unchanged, None -> "", anything else compact sorted ASCII JSON. */
export function envValue(v: PyValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  return jsonDumps(v);
}

/**
 * `mapping.to_env_vars`: `SM_<KEY.upper()>` (empty key stays empty). Later keys overwrite earlier
 * ones that upper-case to the same name, as in Python's dict comprehension.
 */
export function toEnvVars(mapping: MappingInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of asDict(mapping)) out[k ? `SM_${pyUpper(k)}` : ''] = envValue(v);
  return out;
}

/** Python's str.upper() for the names: JS toUpperCase matches it except for a few special casings. */
export function pyUpper(s: string): string {
  return s.toUpperCase();
}

/** Arg value: dicts become `k=v,k2=v2` (sorted keys, Python str() values), None "", else str(). */
function argValue(v: PyValue): string {
  if (v === null) return '';
  if (v instanceof Map)
    return sortedKeys(v)
      .map((k) => `${k}=${pyStr(v.get(k) as PyValue)}`)
      .join(',');
  return pyStr(v);
}

function argName(key: string): string {
  if (!key) return '';
  return [...key].length > 1 ? `--${key}` : `-${key}`;
}

/** `mapping.to_cmd_args`: sorted keys, `-k`/`--key`, values via Python `str()`. */
export function toCmdArgs(mapping: MappingInput): string[] {
  const dict = asDict(mapping);
  const out: string[] = [];
  for (const key of sortedKeys(dict)) out.push(argName(key), argValue(dict.get(key) as PyValue));
  return out;
}

export interface SplitResult {
  included: PyDict;
  excluded: PyDict;
}

/** `mapping.split_by_criteria`: a key is included when it is in `keys` or starts with `prefix`. */
export function splitByCriteria(dict: PyDict, keys: readonly string[], prefix?: string): SplitResult {
  const included: PyDict = new Map();
  const excluded: PyDict = new Map();
  for (const [k, v] of dict) {
    if (keys.includes(k) || (prefix !== undefined && k.startsWith(prefix))) included.set(k, v);
    else excluded.set(k, v);
  }
  return { included, excluded };
}
