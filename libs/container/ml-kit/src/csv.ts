/**
 * Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Enough for our datasets without a
 * dependency (the image ships only the bundle). Rows keep their 1-based line number for error messages.
 */
import { DataError } from './errors';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Parses CSV text; `file` is only used in error messages. Blank lines are skipped. */
export function parseCsv(text: string, file: string): CsvTable {
  const records: CsvRow[] = [];
  let field = '';
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '' && !fieldStarted))
      records.push({ line: recordLine, values: record });
    record = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '') throw new DataError(file, `line ${line}: unexpected quote inside an unquoted field`);
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new DataError(file, `line ${recordLine}: unterminated quoted field`);
  endRecord();
  if (records.length === 0) throw new DataError(file, 'file is empty (expected a header row and data rows)');
  const [head, ...rows] = records;
  const header = head.values.map((h) => h.trim());
  // A UTF-8 BOM would otherwise become part of the first column name.
  header[0] = header[0].replace(/^\uFEFF/, '');
  for (const row of rows) {
    if (row.values.length !== header.length) {
      throw new DataError(
        file,
        `line ${row.line}: expected ${header.length} fields (as the header), found ${row.values.length}`,
      );
    }
  }
  return { header, rows };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialises a header and rows (numbers as JS prints them, which round-trips exactly). */
export function toCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((r) => r.map((v) => quote(String(v))).join(',')).join('\n') + '\n';
}
