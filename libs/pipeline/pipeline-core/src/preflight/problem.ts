/** One thing that would fail later, found before anything started. */
export interface Problem {
  /** The config file (or another input) the value comes from. */
  file: string;
  /** Dotted key path, e.g. `models.iris.image`. */
  field: string;
  value: string;
  /** What is wrong and how to fix it, in one sentence. */
  message: string;
}

/** `<file>: <field> = "<value>": <message>`: one line (embedded newlines flattened). */
export function problemLine(p: Problem): string {
  return `${p.file}: ${p.field} = ${JSON.stringify(p.value)}: ${p.message}`.replace(/\s*\n\s*/g, ' ');
}
