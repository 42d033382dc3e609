import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SHIPPED_CONFIG_DIR = path.join(REPO_ROOT, 'configs');

/** A temp `<tmp>/configs/<env>.yaml` built from the shipped local.yaml with edits applied at key paths. */
export function writeConfig(
  edits: Array<[path: (string | number)[], value: unknown]> = [],
  env = 'local',
): { configDir: string; file: string } {
  const doc = parseDocument(readFileSync(path.join(SHIPPED_CONFIG_DIR, 'local.yaml'), 'utf8'));
  for (const [p, v] of edits) {
    if (v === undefined) doc.deleteIn(p);
    else doc.setIn(p, v);
  }
  return writeRaw(doc.toString(), env);
}

export function writeRaw(text: string, env = 'local'): { configDir: string; file: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'config-reader-'));
  const configDir = path.join(root, 'configs');
  mkdirSync(configDir);
  const file = path.join(configDir, `${env}.yaml`);
  writeFileSync(file, text);
  return { configDir, file };
}

/** Runs fn, expecting a thrown error, and returns it (fails the test if nothing is thrown). */
export function thrown(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to throw, but it returned normally');
}
