import { join } from 'node:path';

const OPT_ML = /(^|=)\/opt\/ml(?=\/|$)/;

/** Process runtime: `/opt/ml/<rest>` lives at `<optMlDir>/<rest>` (the toolkit's SAGEMAKER_BASE_DIR). */
export function mapOptMlPath(path: string, optMlDir: string): string {
  if (path === '/opt/ml') return optMlDir;
  if (!path.startsWith('/opt/ml/')) throw new Error(`Not an /opt/ml path: ${path}`);
  return join(optMlDir, path.slice('/opt/ml/'.length));
}

const OPT_PROGRAM = /(^|=)\/opt\/program(?=\/|$)/;

/** Rewrites an argument that is, or ends in `=`, an /opt/ml path (→ the job folder) or an /opt/program
 *  path (the apps' image WORKDIR → the app's dist folder); `node` becomes this Node binary. */
export function mapArgument(arg: string, optMlDir: string, index: number, workdir?: string): string {
  if (index === 0 && arg === 'node') return process.execPath;
  const mapped = arg.replace(OPT_ML, (_m, prefix: string) => `${prefix}${optMlDir}`);
  return workdir ? mapped.replace(OPT_PROGRAM, (_m, prefix: string) => `${prefix}${workdir}`) : mapped;
}
