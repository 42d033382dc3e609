import { join } from 'node:path';

const OPT_ML = /(^|=)\/opt\/ml(?=\/|$)/;

/** Process runtime: `/opt/ml/<rest>` lives at `<optMlDir>/<rest>` (the toolkit's SAGEMAKER_BASE_DIR). */
export function mapOptMlPath(path: string, optMlDir: string): string {
  if (path === '/opt/ml') return optMlDir;
  if (!path.startsWith('/opt/ml/')) throw new Error(`Not an /opt/ml path: ${path}`);
  return join(optMlDir, path.slice('/opt/ml/'.length));
}

/** Rewrites an argument that is, or ends in `=`, an /opt/ml path; `node` becomes this Node binary. */
export function mapArgument(arg: string, optMlDir: string, index: number): string {
  if (index === 0 && arg === 'node') return process.execPath;
  return arg.replace(OPT_ML, (_m, prefix: string) => `${prefix}${optMlDir}`);
}
