/** Config-file reading and the success/failure markers. */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ToolkitConfigError } from './errors';
import { PyJsonError, parsePythonJson } from './python-json';
import { PyDict, PyValue } from './py-value';

/**
 * Reads a JSON config file with Python's json rules. Missing, unreadable, empty or invalid files
 * throw a ToolkitConfigError naming the file: SageMaker always writes these, so a default would hide bugs.
 */
export function readJsonFile(file: string): PyValue {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ToolkitConfigError(file, 'file not found');
    if (code === 'EISDIR') throw new ToolkitConfigError(file, 'is a directory, expected a JSON file');
    throw new ToolkitConfigError(file, `cannot read file (${code ?? (e as Error).message})`);
  }
  if (text.trim() === '') throw new ToolkitConfigError(file, 'file is empty, expected a JSON object');
  try {
    return parsePythonJson(text);
  } catch (e) {
    if (e instanceof PyJsonError) throw new ToolkitConfigError(file, `invalid JSON: ${e.message}`);
    throw e;
  }
}

/** Reads a config file that must hold a JSON object. */
export function readJsonObject(file: string): PyDict {
  const value = readJsonFile(file);
  if (!(value instanceof Map))
    throw new ToolkitConfigError(file, `expected a JSON object, found ${kindOf(value)}`);
  return value;
}

export function kindOf(v: PyValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Map) return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a number';
}

/** Empty success marker, as the Python toolkit writes it. */
export function writeSuccessFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
}

/**
 * Writes the failure file unless one exists (user code may have written a better one). The text is
 * written to a temp file and hard-linked into place: link(2) is atomic and refuses to overwrite,
 * so a reader never sees half a message and a concurrent user write always wins.
 * Returns false when a failure file was already there.
 */
export function writeFailureFile(file: string, message: string): boolean {
  // Create output/ but not the base dir: with no /opt/ml at all we must not invent one.
  mkdirSync(dirname(file), { recursive: existsSync(dirname(dirname(file))) });
  if (existsSync(file)) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, message);
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * writeFailureFile that never throws: when the output dir itself is unusable (e.g. no /opt/ml outside
 * SageMaker), the message still goes to stderr and the exit code still says failure.
 */
export function tryWriteFailureFile(file: string, message: string, log: (line: string) => void): boolean {
  try {
    return writeFailureFile(file, message);
  } catch (e) {
    log(`could not write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return false;
  }
}
