/** A file an image adds over its base image, with what is wrong with it. */
export interface DevFileFinding {
  path: string;
  what: string;
}

/** What the in-image walker reports about a source map: its TypeScript sources with embedded content. */
export interface SourceMapInfo {
  path: string;
  embeddedTsSources: number;
}

const TS_SOURCE = /\.(ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$/;
// Our test naming (*.spec, *.test, *.integration, *.e2e) and the tooling config that only tests use.
const TEST_FILE = /\.(spec|test|integration|e2e)\.[cm]?[jt]sx?$/;
const TOOLING_FILE =
  /(^|\/)(jest(\.[a-z]+)?\.config\.[cm]?[jt]s|tsconfig(\.[a-z]+)?\.json|eslint\.config\.[cm]?js|\.eslintrc(\.[a-z]+)?|\.swcrc)$/;

/** `/x/node_modules/@scope/name/...` → `@scope/name`; the innermost node_modules wins. */
function packageOf(path: string): string | undefined {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return undefined;
  const first = parts[at + 1];
  if (first.startsWith('@')) return at + 2 < parts.length ? `${first}/${parts[at + 2]}` : undefined;
  return first;
}

/**
 * Dev-only content among the paths an image adds: packages that are devDependencies of the workspace
 * (jest, typescript, @nx/*, eslint, ...), TypeScript sources (declarations aside), our test files and
 * test tooling config, and source maps that embed TypeScript sources. One finding per package.
 */
export function findDevFiles(
  added: readonly string[],
  devDependencies: readonly string[],
  sourceMaps: readonly SourceMapInfo[] = [],
): DevFileFinding[] {
  const found: DevFileFinding[] = [];
  const dev = new Set(devDependencies);
  const reported = new Set<string>();
  for (const path of added) {
    const pkg = packageOf(path);
    if (pkg !== undefined && dev.has(pkg)) {
      if (!reported.has(pkg)) found.push({ path, what: `dev dependency ${pkg}` });
      reported.add(pkg);
    } else if (TS_SOURCE.test(path) && !DECLARATION.test(path)) {
      found.push({ path, what: 'TypeScript source' });
    } else if (TEST_FILE.test(path) || path.split('/').includes('__tests__')) {
      found.push({ path, what: 'test file' });
    } else if (TOOLING_FILE.test(path)) {
      found.push({ path, what: 'test/build tooling config' });
    }
  }
  for (const map of sourceMaps)
    if (map.embeddedTsSources > 0)
      found.push({
        path: map.path,
        what: `source map embedding ${map.embeddedTsSources} TypeScript source(s)`,
      });
  return found;
}
