import { parsePythonJson, PyJsonError, tryParsePythonJson } from '../src/lib/python-json';
import { PyFloat, PyInt } from '../src/lib/py-value';
import { jsonDumps } from '../src/lib/python-format';

describe('parsePythonJson (json.loads)', () => {
  it('keeps int vs float and exact big ints', () => {
    expect(parsePythonJson('128')).toEqual(new PyInt(128n));
    expect(parsePythonJson('1.0')).toEqual(new PyFloat(1));
    expect(parsePythonJson('1E5')).toEqual(new PyFloat(100000));
    expect(parsePythonJson('12345678901234567890')).toEqual(new PyInt(12345678901234567890n));
    expect(parsePythonJson('-0')).toEqual(new PyInt(0n));
    expect(Object.is((parsePythonJson('-0.0') as PyFloat).value, -0)).toBe(true);
  });
  it('accepts NaN, Infinity, -Infinity and 1e400', () => {
    expect((parsePythonJson('NaN') as PyFloat).value).toBeNaN();
    expect(parsePythonJson('Infinity')).toEqual(new PyFloat(Infinity));
    expect(parsePythonJson('-Infinity')).toEqual(new PyFloat(-Infinity));
    expect(parsePythonJson('1e400')).toEqual(new PyFloat(Infinity));
  });
  it('accepts surrounding JSON whitespace only', () => {
    expect(parsePythonJson(' 5 ')).toEqual(new PyInt(5n));
    expect(parsePythonJson('\t\n5\r')).toEqual(new PyInt(5n));
    expect(tryParsePythonJson('\u00a05')).toBeUndefined();
  });
  it('rejects what Python rejects', () => {
    for (const bad of [
      '',
      'abc',
      'True',
      'None',
      'nan',
      '01',
      '1.',
      '.5',
      '+1',
      '-NaN',
      '[1,]',
      '{"a":1,}',
      '"a\nb"',
      '1 2',
      '\ufeff1',
      "'x'",
    ]) {
      expect(tryParsePythonJson(bad)).toBeUndefined();
    }
  });
  it('keeps the first position and last value of duplicate keys, and does not reorder integer keys', () => {
    const d = parsePythonJson('{"b": 1, "2": 2, "1": 3, "b": 4}') as Map<string, unknown>;
    expect([...d.keys()]).toEqual(['b', '2', '1']);
    expect(d.get('b')).toEqual(new PyInt(4n));
  });
  it('decodes escapes and surrogate pairs', () => {
    expect(parsePythonJson('"\\u00a1\\ud83d\\ude00\\n\\/"')).toBe('¡😀\n/');
    expect(parsePythonJson('"\\ud800"')).toBe('\ud800');
  });
  it('reports Python-style positions', () => {
    const text = '{\n    "a": "1",\n}';
    try {
      parsePythonJson(text);
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(PyJsonError);
      expect((e as Error).message).toBe(
        'Illegal trailing comma before end of object: line 3 column 1 (char 16)',
      );
    }
  });
  it('round-trips through jsonDumps', () => {
    const text = '{"a":[1,2.5,"x",null,true,{"c":NaN}],"b":1e-05}';
    expect(jsonDumps(parsePythonJson(text))).toBe(text);
  });
});
