import { createFixtureWorkspace, FixtureWorkspace, nxBin } from './fixture-workspace';

// A small model of the real layout: a shared toolkit used by two model apps (one through its own
// scoped lib), and a pipeline lib used by a pipeline app.
const uses = (...names: string[]) =>
  names.map((n) => `import { ${n.replace(/-/g, '_')} } from '@fx/${n}';`).join('\n') +
  `\nexport const deps = [${names.map((n) => n.replace(/-/g, '_')).join(', ')}];\n`;

describe('nx affected (real nx CLI, real git history)', () => {
  let ws: FixtureWorkspace;
  const git = (...args: string[]) => ws.run('git', args);
  const affected = (): string[] =>
    (
      JSON.parse(
        ws.run('node', [nxBin, 'show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json']),
      ) as string[]
    ).sort();
  const commitChange = (file: string, line: string) => {
    ws.write(file, line);
    git('add', '-A');
    git('commit', '-qm', `change ${file}`);
  };

  beforeAll(() => {
    ws = createFixtureWorkspace([
      { root: 'libs/toolkit', name: 'toolkit', tags: ['type:lib', 'platform:container', 'scope:shared'] },
      { root: 'libs/pipeline/aws', name: 'aws', tags: ['type:lib', 'platform:pipeline', 'scope:shared'] },
      {
        root: 'libs/iris-utils',
        name: 'iris-utils',
        tags: ['type:lib', 'platform:container', 'scope:iris'],
        files: { 'src/uses.ts': uses('toolkit') },
      },
      {
        root: 'apps/container-iris',
        name: 'container-iris',
        tags: ['type:app', 'platform:container', 'scope:iris'],
        files: { 'src/uses.ts': uses('iris-utils') },
      },
      {
        root: 'apps/container-housing',
        name: 'container-housing',
        tags: ['type:app', 'platform:container', 'scope:housing'],
        files: { 'src/uses.ts': uses('toolkit') },
      },
      {
        root: 'apps/pipeline-training',
        name: 'pipeline-training',
        tags: ['type:app', 'platform:pipeline', 'scope:shared'],
        files: { 'src/uses.ts': uses('aws') },
      },
    ]);
    ws.write('.gitignore', 'node_modules\n.nx\n');
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.invalid');
    git('config', 'user.name', 'ci');
    git('add', '-A');
    git('commit', '-qm', 'initial');
  }, 60_000);

  afterAll(() => ws?.dispose());

  it('lists only the changed app when a leaf app changes', () => {
    commitChange('apps/container-housing/src/extra.ts', 'export const x = 2;\n');
    expect(affected()).toEqual(['container-housing']);
  }, 60_000);

  it("lists a model lib and its app, not the other model, when the model's lib changes", () => {
    commitChange('libs/iris-utils/src/extra.ts', 'export const y = 3;\n');
    expect(affected()).toEqual(['container-iris', 'iris-utils']);
  }, 60_000);

  it('lists every dependent, transitively, when a shared lib changes', () => {
    commitChange('libs/toolkit/src/extra.ts', 'export const z = 4;\n');
    expect(affected()).toEqual(['container-housing', 'container-iris', 'iris-utils', 'toolkit']);
  }, 60_000);

  it('keeps pipeline and container sides apart', () => {
    commitChange('libs/pipeline/aws/src/extra.ts', 'export const w = 5;\n');
    expect(affected()).toEqual(['aws', 'pipeline-training']);
  }, 60_000);
});
