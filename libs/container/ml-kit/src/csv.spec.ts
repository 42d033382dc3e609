import { parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and skips blank lines', () => {
    const t = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n1,2\n', 'f.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, values: ['x, y', 'say "hi"'] },
      { line: 4, values: ['1', '2'] },
    ]);
  });

  it('keeps line numbers across quoted newlines', () => {
    const t = parseCsv('a,b\n"multi\nline",1\n2,3\n', 'f.csv');
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(t.rows[0].values[0]).toBe('multi\nline');
  });

  it('keeps empty fields (missing values) as empty strings', () => {
    expect(parseCsv('a,b,c\n1,,3\n', 'f.csv').rows[0].values).toEqual(['1', '', '3']);
  });

  it.each([
    ['', /^f\.csv: file is empty/],
    ['\n\n', /^f\.csv: file is empty/],
    ['a,b\n1,2,3\n', /^f\.csv: line 2: expected 2 fields \(as the header\), found 3$/],
    ['a,b\n"open,1\n', /^f\.csv: line 2: unterminated quoted field$/],
    ['a,b\n1x"y",2\n', /^f\.csv: line 2: unexpected quote inside an unquoted field$/],
  ])('rejects %j', (text, message) => {
    expect(() => parseCsv(text, 'f.csv')).toThrow(message);
  });
});

describe('toCsv', () => {
  it('round-trips through parseCsv, quoting only when needed', () => {
    const text = toCsv(
      ['name', 'v'],
      [
        ['a,b', 1.5],
        ['say "x"', -2],
        ['plain', 0.1 + 0.2],
      ],
    );
    expect(text).toBe('name,v\n"a,b",1.5\n"say ""x""",-2\nplain,0.30000000000000004\n');
    const back = parseCsv(text, 'f.csv');
    expect(back.rows.map((r) => r.values)).toEqual([
      ['a,b', '1.5'],
      ['say "x"', '-2'],
      ['plain', '0.30000000000000004'],
    ]);
  });
});
