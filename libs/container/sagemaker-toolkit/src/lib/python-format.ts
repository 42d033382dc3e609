/**
 * Python's text forms of values: `repr(float)`, `repr(str)`, `str(x)` and
 * `json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=True)`, which is what the
 * toolkit's mapping.py uses for SM_* values. Byte-identical output is the point of this file.
 */
import { PyDict, PyFloat, PyInt, PyValue, sortedKeys } from './py-value';

/** `repr(float)`: shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16, else `1e-05` style. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest digits that round-trip, like Python's repr.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const decpt = exp + 1;
  let body: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = `0.${'0'.repeat(-decpt)}${digits}`;
    else if (decpt >= digits.length) body = `${digits}${'0'.repeat(decpt - digits.length)}.0`;
    else body = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  } else {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    body = `${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return x < 0 ? `-${body}` : body;
}

/** JSON form of a float: like repr, but NaN / Infinity / -Infinity (Python's allow_nan default). */
export function floatJson(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

// Python's str.isprintable(): everything except the Other and Separator categories (space is fine).
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** `repr(str)`: single quotes unless the text has `'` and no `"`, Python's escapes. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (!NON_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** `repr(x)` for any value (list items and dict entries inside `str()` use repr). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return strRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${strRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return pyStr(v);
}

/** `str(x)`: strings unchanged, `None`, `True`/`False`, float repr, containers via repr. */
export function pyStr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return v;
  if (v instanceof PyInt) return v.value.toString();
  if (v instanceof PyFloat) return floatRepr(v.value);
  return pyRepr(v);
}

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON string literal with `ensure_ascii=True`: everything outside 0x20-0x7e escaped, lowercase hex. */
export function jsonString(s: string): string {
  // Fast path for the usual path/name/number text: printable ASCII needing no escape. A per-char loop
  // runs cold (interpreted) when `train` starts, and SM_TRAINING_ENV holds kilobytes of such text.
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i); // UTF-16 units: astral chars come out as surrogate pairs, as in Python
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += `\\u${hex(code, 4)}`;
  }
  return out + '"';
}

/** `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=True)`. */
export function jsonDumps(v: PyValue): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return jsonString(v);
  if (v instanceof PyInt) return v.value.toString();
  if (v instanceof PyFloat) return floatJson(v.value);
  if (Array.isArray(v)) return `[${v.map(jsonDumps).join(',')}]`;
  const dict = v as PyDict;
  return `{${sortedKeys(dict)
    .map((k) => `${jsonString(k)}:${jsonDumps(dict.get(k) as PyValue)}`)
    .join(',')}}`;
}
