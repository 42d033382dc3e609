import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
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
    if (!existsSync(path))
      throw new InputError(
        `source ${source}: ${path} does not exist; point the source at an existing file or folder`,
      );
    const files = statSync(path).isDirectory()
      ? listFiles(path, source, () => true)
      : [{ path, name: basename(path) }];
    if (files.length === 0) throw new InputError(`source ${source}: directory ${path} has no files`);
    return { kind: 'local', source, files };
  }
  if (source.startsWith('s3://')) {
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(source))
      throw new InputError(
        `source ${JSON.stringify(source)}: not a valid s3://bucket/prefix URI; write it like s3://my-bucket/raw/iris/`,
      );
    return { kind: 's3', source, uri: source };
  }
  throw new InputError(
    `source ${JSON.stringify(source)}: expected builtin:<dataset>, file:///path or s3://bucket/prefix`,
  );
}

function listFiles(dir: string, source: string, keep: (name: string) => boolean) {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(
      `source ${source}: directory ${dir} does not exist; name a dataset of the data dir (see --data-dir) or create it`,
    );
  const root = realpathSync(dir);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && keep(e.name))
    .map((e) => ({ path: join(dir, e.name), name: e.name }))
    .filter((f) => insideFolder(f.path, root, source))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A source's files stay inside its folder: a symlink pointing elsewhere (`/etc/passwd`) is refused. */
function insideFolder(path: string, root: string, source: string): boolean {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    throw new InputError(
      `source ${source}: ${path} is a dangling link; remove it or point it at a file in ${root}`,
    );
  }
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep))
    throw new InputError(
      `source ${source}: ${path} leads outside its folder (to ${target}); copy the file into ${root} instead`,
    );
  return statSync(target).isFile();
}
