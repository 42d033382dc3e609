import { build, Plugin } from 'esbuild';
import { join } from 'node:path';
import * as ts from 'typescript';
import { WORKSPACE_ROOT } from './harness';

/**
 * The AWS SDK operations an entry point can send: esbuild bundles it with the workspace's own sources
 * marked side-effect free (so what no code path reaches is dropped) and every package external; the
 * bundle's remaining imports from @aws-sdk/* name exactly the commands, paginators and helpers in use.
 * Granularity is the module: a command imported by a reached module counts even if only dead code in it
 * sends it (an over-approximation, never a miss). Names: `<package without client->:<Operation>`.
 */
export async function sdkOperations(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    tsconfig: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
    logLevel: 'silent',
    plugins: [treeShakeWorkspace],
  });
  const text = result.outputFiles[0]?.text ?? '';
  const source = ts.createSourceFile('bundle.js', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const ops = new Set<string>();
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const pkg = stmt.moduleSpecifier.text;
    if (!pkg.startsWith('@aws-sdk/')) continue;
    const service = pkg.slice('@aws-sdk/'.length).replace(/^client-/, '');
    const named = stmt.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) throw new Error(`${entry}: unexpected import form from ${pkg}`);
    for (const el of named.elements) {
      const name = (el.propertyName ?? el.name).text;
      const op = operationOf(name);
      if (op) ops.add(`${service}:${op}`);
    }
  }
  return [...ops].sort();
}

/** `GetObjectCommand` → GetObject, `paginateListObjectsV2` → ListObjectsV2, `Upload` → Upload; else none. */
export function operationOf(name: string): string | undefined {
  if (/^[A-Z]\w*Command$/.test(name)) return name.slice(0, -'Command'.length);
  if (/^paginate[A-Z]\w*$/.test(name)) return name.slice('paginate'.length);
  if (/^waitUntil[A-Z]\w*$/.test(name))
    throw new Error(`${name}: waiters poll Describe* operations; map them in sdk-operations.ts`);
  if (name === 'Upload') return 'Upload';
  return undefined;
}

const treeShakeWorkspace: Plugin = {
  name: 'tree-shake-workspace',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData === 'inner') return undefined;
      if (!/^[./]/.test(args.path) && !args.path.startsWith('@mlops/'))
        return { path: args.path, external: true };
      const res = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: 'inner',
      });
      if (res.errors.length > 0) return { errors: res.errors };
      return { path: res.path, sideEffects: false };
    });
  },
};
