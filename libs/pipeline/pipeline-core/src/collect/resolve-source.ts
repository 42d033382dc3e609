import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors/pipeline-errors';

/** Where the collection batch reads raw data from, resolved from the model's `source`. */
export type ResolvedSource =
  | { kind: 'local'; source: string; files: { path: string; name: string }[] }
  | { kind: 's3'; source: string; uri: string };

/**
 * `builtin:<name>` → the CSV files of `<dataDir>/<name>/` (data shipped in the repo);
 * `file:///abs/path` → that file, or the files of that directory; `s3://bucket/prefix` → copied as is.
 * Everything is checked here so a bad source fails (exit 2) before anything is uploaded.
 */
export function resolveSource(source: string, dataDir: string): ResolvedSource {
  if (source.startsWith('builtin:')) {
    const name = source.slice('builtin:'.length);
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
      throw new InputError(
        `source ${JSON.stringify(source)}: expected builtin:<dataset> like "builtin:iris"`,
      );
    const dir = join(dataDir, name);
    const files = listFiles(dir, source, (f) => f.endsWith('.csv'));
    if (files.length === 0) throw new InputError(`source ${source}: no .csv file in ${dir} (see --data-dir)`);
    return { kind: 'local', source, files };
  }
  if (source.startsWith('file://')) {
    let path: string;
    try {
      path = fileURLToPath(source);
    } catch (err) {
      throw new InputError(`source ${JSON.stringify(source)}: ${(err as Error).message}`);
    }
    if (!existsSync(path)) throw new InputError(`source ${source}: ${path} does not exist`);
    const files = statSync(path).isDirectory()
      ? listFiles(path, source, () => true)
      : [{ path, name: basename(path) }];
    if (files.length === 0) throw new InputError(`source ${source}: directory ${path} has no files`);
    return { kind: 'local', source, files };
  }
  if (source.startsWith('s3://')) {
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(source))
      throw new InputError(`source ${JSON.stringify(source)}: not a valid s3://bucket/prefix URI`);
    return { kind: 's3', source, uri: source };
  }
  throw new InputError(
    `source ${JSON.stringify(source)}: expected builtin:<dataset>, file:///path or s3://bucket/prefix`,
  );
}

function listFiles(dir: string, source: string, keep: (name: string) => boolean) {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(`source ${source}: directory ${dir} does not exist (see --data-dir)`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && keep(e.name))
    .map((e) => ({ path: join(dir, e.name), name: e.name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
