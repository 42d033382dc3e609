/**
 * `json.loads` as CPython does it: NaN / Infinity / -Infinity accepted, ints exact (bigint),
 * `1.0` stays a float, duplicate keys keep the last value, control characters in strings rejected.
 * JSON.parse differs on each of those, and the SM_* output depends on them.
 */
import { PyDict, PyFloat, PyInt, PyValue } from './py-value';

/** A JSON syntax error with Python-style position info (`line L column C (char N)`). */
export class PyJsonError extends Error {
  constructor(
    readonly problem: string,
    readonly pos: number,
    text: string,
  ) {
    const line = text.slice(0, pos).split('\n').length;
    const column = pos - text.lastIndexOf('\n', pos - 1);
    super(`${problem}: line ${line} column ${column} (char ${pos})`);
    this.name = 'PyJsonError';
  }
}

// CPython refuses int() of more than 4300 digits (sys.int_info.str_digits_check_threshold).
const MAX_INT_DIGITS = 4300;
const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function parsePythonJson(text: string): PyValue {
  let i = 0;
  const fail = (problem: string, at = i): never => {
    throw new PyJsonError(problem, at, text);
  };
  const skipWs = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };

  const parseString = (): string => {
    const start = i - 1; // position of the opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string starting at', start);
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === undefined) fail('Unterminated string starting at', start);
        if (esc === 'u') {
          const unit = readHex4(i + 2);
          i += 6;
          // A high surrogate followed by an escaped low surrogate joins into one code point.
          if (unit >= 0xd800 && unit <= 0xdbff && text[i] === '\\' && text[i + 1] === 'u') {
            const low = readHex4(i + 2);
            if (low >= 0xdc00 && low <= 0xdfff) {
              out += String.fromCharCode(unit, low);
              i += 6;
              continue;
            }
          }
          out += String.fromCharCode(unit);
          continue;
        }
        const mapped = ESCAPES[esc];
        if (mapped === undefined) fail('Invalid \\escape', i);
        out += mapped;
        i += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('Invalid control character at', i);
      out += ch;
      i++;
    }
  };

  const readHex4 = (at: number): number => {
    const h = text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('Invalid \\uXXXX escape', at - 1);
    return parseInt(h, 16);
  };

  const parseValue = (depth: number): PyValue => {
    if (depth > 1000) fail('Maximum nesting depth exceeded');
    const ch = text[i];
    if (ch === '"') {
      i++;
      return parseString();
    }
    if (ch === '{') return parseObject(depth);
    if (ch === '[') return parseArray(depth);
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value();
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) return fail('Expecting value');
    const start = i;
    i += m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      if (m[0].replace('-', '').length > MAX_INT_DIGITS)
        fail('Exceeds the limit for integer string conversion', start);
      return new PyInt(BigInt(m[0]));
    }
    return new PyFloat(Number(m[0]));
  };

  const parseObject = (depth: number): PyDict => {
    const out: PyDict = new Map();
    i++;
    skipWs();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] !== '"') {
        fail(
          out.size > 0
            ? 'Illegal trailing comma before end of object'
            : 'Expecting property name enclosed in double quotes',
        );
      }
      i++;
      const key = parseString();
      skipWs();
      if (text[i] !== ':') fail("Expecting ':' delimiter");
      i++;
      skipWs();
      out.set(key, parseValue(depth + 1));
      skipWs();
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skipWs();
    }
  };

  const parseArray = (depth: number): PyValue[] => {
    const out: PyValue[] = [];
    i++;
    skipWs();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] === ']' && out.length > 0) fail('Illegal trailing comma before end of array');
      out.push(parseValue(depth + 1));
      skipWs();
      if (text[i] === ']') {
        i++;
        return out;
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skipWs();
    }
  };

  if (text.charCodeAt(0) === 0xfeff) fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  skipWs();
  const value = parseValue(0);
  skipWs();
  if (i !== text.length) fail('Extra data');
  return value;
}

const LITERALS: Array<[string, () => PyValue]> = [
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['NaN', () => new PyFloat(NaN)],
  ['Infinity', () => new PyFloat(Infinity)],
  ['-Infinity', () => new PyFloat(-Infinity)],
];

/** Like Python's `json.loads(v)` inside `read_hyperparameters`: undefined when it would raise. */
export function tryParsePythonJson(text: string): PyValue | undefined {
  try {
    return parsePythonJson(text);
  } catch (e) {
    if (e instanceof PyJsonError) return undefined;
    throw e;
  }
}
