import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SHIPPED_CONFIG_DIR = path.join(REPO_ROOT, 'configs');

/**
 * A temp `<tmp>/configs/<env>.yaml` built from the shipped local.yaml, plus copies of the shipped
 * `configs/models/*.yaml`, with edits applied at merged key paths: `['models', 'iris', …]` edits the
 * model file (`['models', 'iris']` alone with undefined deletes it), anything else the environment file.
 */
export function writeConfig(
  edits: Array<[path: (string | number)[], value: unknown]> = [],
  env = 'local',
): {
  configDir: string;
  file: string;
  modelFile: (model: string) => string;
  /** The file a merged key path is written in: its model's file for `models.<name>…`, else the env file. */
  fileOf: (keyPath: (string | number)[]) => string;
} {
  const doc = parseDocument(readFileSync(path.join(SHIPPED_CONFIG_DIR, 'local.yaml'), 'utf8'));
  const models = new Map(
    readdirSync(path.join(SHIPPED_CONFIG_DIR, 'models')).map((f) => [
      f.replace(/\.yaml$/, ''),
      parseDocument(readFileSync(path.join(SHIPPED_CONFIG_DIR, 'models', f), 'utf8')) as ReturnType<
        typeof parseDocument
      > | null,
    ]),
  );
  for (const [p, v] of edits) {
    const modelDoc = p[0] === 'models' && models.has(String(p[1])) ? models.get(String(p[1])) : undefined;
    if (modelDoc !== undefined && p.length === 2 && v === undefined) models.set(String(p[1]), null);
    const target = modelDoc ?? doc;
    const at = modelDoc ? p.slice(2) : p;
    if (!target) continue;
    if (v === undefined) target.deleteIn(at);
    else target.setIn(at, v);
  }
  const written = writeRaw(doc.toString(), env);
  const modelFile = (model: string) => path.join(written.configDir, 'models', `${model}.yaml`);
  mkdirSync(path.join(written.configDir, 'models'));
  for (const [name, d] of models) if (d) writeFileSync(modelFile(name), d.toString());
  // The other shipped environments, so the model files' `env.dev` / `env.prod` sections name known ones.
  for (const other of ['local', 'dev', 'prod'].filter((e) => e !== env))
    copyFileSync(
      path.join(SHIPPED_CONFIG_DIR, `${other}.yaml`),
      path.join(written.configDir, `${other}.yaml`),
    );
  const fileOf = (p: (string | number)[]) =>
    p[0] === 'models' && models.get(String(p[1])) ? modelFile(String(p[1])) : written.file;
  return { ...written, modelFile, fileOf };
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
