import { floatRepr, jsonDumps, jsonString, pyRepr, pyStr, strRepr } from '../src/lib/python-format';
import { PyFloat, PyInt, fromJs } from '../src/lib/py-value';

describe('floatRepr (Python repr(float))', () => {
  it.each([
    [1, '1.0'],
    [4, '4.0'],
    [0.001, '0.001'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [0.1 + 0.2, '0.30000000000000004'],
    [5.434322, '5.434322'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [123456789012345680, '1.2345678901234568e+17'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [-2.5, '-2.5'],
    [-0, '-0.0'],
    [0, '0.0'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('%p -> %s', (x, expected) => {
    expect(floatRepr(x)).toBe(expected);
  });
});

describe('strRepr (Python repr(str))', () => {
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    [`it's "x"`, `'it\\'s "x"'`],
    ['a\\b', "'a\\\\b'"],
    ['tab\tnl\ncr\r', "'tab\\tnl\\ncr\\r'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['¡ø', "'¡ø'"],
    ['\u00a0', "'\\xa0'"],
    ['\u200b', "'\\u200b'"],
    ['😀', "'😀'"],
    ['\u{e0001}', "'\\U000e0001'"],
  ])('%j -> %s', (s, expected) => {
    expect(strRepr(s)).toBe(expected);
  });
});

describe('pyStr / pyRepr', () => {
  it('formats containers like Python str()', () => {
    expect(pyStr(fromJs(['1', ['2', '3', [['6']]]]))).toBe("['1', ['2', '3', [['6']]]]");
    expect(pyStr(fromJs([1, 2.5, true, null]))).toBe('[1, 2.5, True, None]');
    expect(pyRepr(fromJs({ b: 1, a: 'x' }))).toBe("{'b': 1, 'a': 'x'}");
    expect(pyStr(new PyInt(12345678901234567890n))).toBe('12345678901234567890');
    expect(pyStr(new PyFloat(4))).toBe('4.0');
  });
});

describe('jsonDumps (compact, sorted, ensure_ascii)', () => {
  it('sorts keys recursively by code point and uses compact separators', () => {
    expect(jsonDumps(fromJs({ b: [1, { z: 1, a: 2 }], a: 'x', B: null }))).toBe(
      '{"B":null,"a":"x","b":[1,{"a":2,"z":1}]}',
    );
    // U+FF21 (BMP) sorts before U+1F600 in Python; UTF-16 order would put the emoji first.
    expect(jsonDumps(fromJs({ '😀': 1, Ａ: 2 }))).toBe('{"\\uff21":2,"\\ud83d\\ude00":1}');
  });
  it('escapes like Python', () => {
    expect(jsonString('¡ø"\\\n\t\b\f\x01\x7f')).toBe('"\\u00a1\\u00f8\\"\\\\\\n\\t\\b\\f\\u0001\\u007f"');
    // Every printable ASCII char: only '"' and '\\' are escaped (the plain-text fast path's edges).
    const printable = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i));
    expect(jsonString(printable)).toBe(`"${printable.replace('\\', '\\\\').replace('"', '\\"')}"`);
    expect(jsonString('/opt/ml/input/data/train')).toBe('"/opt/ml/input/data/train"');
  });
  it('writes NaN / Infinity and Python float forms', () => {
    expect(
      jsonDumps([
        new PyFloat(NaN),
        new PyFloat(Infinity),
        new PyFloat(-Infinity),
        new PyFloat(1),
        new PyFloat(1e-5),
      ]),
    ).toBe('[NaN,Infinity,-Infinity,1.0,1e-05]');
  });
});
