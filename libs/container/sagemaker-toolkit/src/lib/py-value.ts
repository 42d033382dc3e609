/**
 * A faithful model of the Python values the toolkit juggles. JavaScript numbers cannot tell `1.0`
 * from `1` nor hold ints above 2^53, and JS objects reorder integer-like keys; Python keeps all of
 * that, and the SM_* env / CLI args must be byte-identical to Python's, so we keep it too.
 */
export class PyInt {
  constructor(readonly value: bigint) {}
}

export class PyFloat {
  constructor(readonly value: number) {}
}

/** Insertion-ordered dict (duplicate keys keep the first position and the last value, like Python). */
export type PyDict = Map<string, PyValue>;

export type PyValue = null | boolean | string | PyInt | PyFloat | PyValue[] | PyDict;

/** Marks a JS number as a Python float, so `pyFloat(4)` renders as `4.0`. */
export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Marks a JS integer (or bigint) as a Python int. */
export function pyInt(value: number | bigint): PyInt {
  return new PyInt(BigInt(value));
}

export function isPyDict(v: unknown): v is PyDict {
  return v instanceof Map;
}

/**
 * Converts plain JS data to the Python model. Integral numbers become ints and the rest floats:
 * JS cannot tell `4.0` from `4`, so pass `pyFloat(4)` when the float matters.
 */
export function fromJs(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (value instanceof PyInt || value instanceof PyFloat) return value;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return new PyInt(value);
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0) ? new PyInt(BigInt(value)) : new PyFloat(value);
  }
  if (Array.isArray(value)) return value.map(fromJs);
  if (value instanceof Map) {
    const out: PyDict = new Map();
    for (const [k, v] of value) out.set(String(k), fromJs(v));
    return out;
  }
  if (typeof value === 'object') {
    const out: PyDict = new Map();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(k, fromJs(v));
    return out;
  }
  throw new TypeError(`cannot represent a ${typeof value} as a Python value`);
}

/** JS view of a Python value: ints become numbers (bigint when beyond 2^53), dicts plain objects. */
export type JsValue = null | boolean | string | number | bigint | JsValue[] | { [key: string]: JsValue };

export function toJs(value: PyValue): JsValue {
  if (value instanceof PyInt) {
    const n = Number(value.value);
    return Number.isSafeInteger(n) ? n : value.value;
  }
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof Map) {
    const out: { [key: string]: JsValue } = {};
    for (const [k, v] of value) out[k] = toJs(v);
    return out;
  }
  return value;
}

/** Python truthiness (used for the distribution `*_enabled` flags). */
export function pyTruthy(value: PyValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return true;
  if (typeof value === 'string') return value.length > 0;
  if (value instanceof PyInt) return value.value !== 0n;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  return value.size > 0;
}

/** Python's `sorted()` order for str: by code point (JS sort compares UTF-16 units). */
export function comparePyStr(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}

export function sortedKeys(dict: PyDict): string[] {
  return [...dict.keys()].sort(comparePyStr);
}
