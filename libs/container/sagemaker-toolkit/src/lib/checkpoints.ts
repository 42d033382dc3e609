/**
 * Checkpoint save/restore under the checkpoint dir (/opt/ml/checkpoints, CheckpointConfig.LocalPath).
 * SageMaker copies S3 checkpoints in at start and uploads new local files during training; local
 * deletes propagate to S3. Writes go through a temp file + rename so a spot interruption never
 * leaves (and never uploads) half a checkpoint under its real name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolkitConfigError, ToolkitError } from './errors';
import { resolveBaseDir, trainingPaths } from './paths';

export interface CheckpointOptions {
  /** Defaults to `<SAGEMAKER_BASE_DIR or /opt/ml>/checkpoints`. */
  dir?: string;
}

function dirOf(options?: CheckpointOptions): string {
  return options?.dir ?? trainingPaths(resolveBaseDir()).checkpointDir;
}

function resolveName(dir: string, name: string): string {
  const file = path.resolve(dir, name);
  if (!name || path.isAbsolute(name) || !file.startsWith(path.resolve(dir) + path.sep)) {
    throw new ToolkitError(`checkpoint name "${name}" must be a relative path inside ${dir}`);
  }
  return file;
}

/** Atomically writes a checkpoint file; returns its path. */
export function saveCheckpoint(name: string, data: string | Uint8Array, options?: CheckpointOptions): string {
  const dir = dirOf(options);
  const file = resolveName(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
  return file;
}

/** Saves a JSON-serialisable value. */
export function saveJsonCheckpoint(name: string, value: unknown, options?: CheckpointOptions): string {
  return saveCheckpoint(name, JSON.stringify(value), options);
}

/** The checkpoint's bytes, or undefined when there is none (first run). */
export function restoreCheckpoint(name: string, options?: CheckpointOptions): Buffer | undefined {
  const file = resolveName(dirOf(options), name);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ToolkitConfigError(file, `cannot read checkpoint (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
}

/** A JSON checkpoint, or undefined when there is none; a corrupt one is an error naming the file. */
export function restoreJsonCheckpoint<T = unknown>(name: string, options?: CheckpointOptions): T | undefined {
  const data = restoreCheckpoint(name, options);
  if (data === undefined) return undefined;
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch (e) {
    throw new ToolkitConfigError(
      resolveName(dirOf(options), name),
      `invalid JSON checkpoint: ${(e as Error).message}`,
    );
  }
}

/** Checkpoint files (relative paths, sorted), ignoring our temp files. */
export function listCheckpoints(options?: CheckpointOptions): string[] {
  const dir = dirOf(options);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && !(d.name.startsWith('.') && d.name.endsWith('.tmp')))
    .map((d) => path.relative(dir, path.join(d.parentPath ?? dir, d.name)))
    .sort();
}
