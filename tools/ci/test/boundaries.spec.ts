import { execFileSync } from 'node:child_process';
import { createFixtureWorkspace, eslintBin, FixtureWorkspace, nxBin } from './fixture-workspace';

interface LintMessage {
  ruleId: string | null;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

const fileWith = (imports: string[]) =>
  imports.map((i, n) => `import * as m${n} from '${i}';`).join('\n') +
  `\nexport const used = [${imports.map((_, n) => `m${n}`).join(', ')}];\n`;

// One fixture per kind of violation, plus a clean file, so the rules cannot rot silently:
// if a constraint is dropped from eslint.config.mjs, the matching case stops reporting and fails.
const cases: Record<string, { root: string; imports: string[] }> = {
  containerImportsPipelineLib: { root: 'apps/container-a', imports: ['@fx/aws'] },
  containerImportsAwsSdk: { root: 'libs/toolkit', imports: ['@aws-sdk/client-s3'] },
  containerImportsTypeorm: { root: 'apps/container-a', imports: ['typeorm'] },
  pipelineImportsContainerApp: { root: 'apps/pipeline-x', imports: ['@fx/container-a'] },
  modelImportsOtherModelScope: { root: 'apps/container-b', imports: ['@fx/a-utils'] },
  clean: { root: 'apps/container-a', imports: ['@fx/a-utils', '@fx/toolkit'] },
};

describe('module boundaries (real ESLint + @nx/enforce-module-boundaries on fixture projects)', () => {
  let ws: FixtureWorkspace;
  const results = new Map<string, LintMessage[]>();

  beforeAll(() => {
    ws = createFixtureWorkspace([
      { root: 'libs/toolkit', name: 'toolkit', tags: ['type:lib', 'platform:container', 'scope:shared'] },
      { root: 'libs/pipeline/aws', name: 'aws', tags: ['type:lib', 'platform:pipeline', 'scope:shared'] },
      { root: 'libs/a-utils', name: 'a-utils', tags: ['type:lib', 'platform:container', 'scope:a'] },
      { root: 'apps/container-a', name: 'container-a', tags: ['type:app', 'platform:container', 'scope:a'] },
      { root: 'apps/container-b', name: 'container-b', tags: ['type:app', 'platform:container', 'scope:b'] },
      {
        root: 'apps/pipeline-x',
        name: 'pipeline-x',
        tags: ['type:app', 'platform:pipeline', 'scope:shared'],
      },
    ]);
    for (const [name, c] of Object.entries(cases)) ws.write(`${c.root}/src/${name}.ts`, fileWith(c.imports));
    // The rule reads the cached project graph; computing it once is what `nx lint` does too.
    ws.run('node', [nxBin, 'show', 'projects']);
    let out: string;
    try {
      out = ws.run('node', [eslintBin, '--format', 'json', 'apps', 'libs']);
    } catch (e) {
      out = (e as { stdout: string }).stdout; // eslint exits 1 when it reports errors
    }
    for (const r of JSON.parse(out) as LintResult[]) {
      const name = Object.keys(cases).find((n) => r.filePath.endsWith(`/${n}.ts`));
      if (name) results.set(name, r.messages);
    }
  }, 120_000);

  afterAll(() => ws?.dispose());

  const boundaryErrors = (name: string) => {
    const messages = results.get(name);
    if (!messages) throw new Error(`eslint produced no result for fixture ${name}`);
    return messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('rejects a container app importing a pipeline lib', () => {
    expect(boundaryErrors('containerImportsPipelineLib').join('\n')).toMatch(
      /tagged with "platform:container" can only depend on libs tagged with "platform:container", "platform:shared"/,
    );
  });

  it('rejects the AWS SDK in container code', () => {
    expect(boundaryErrors('containerImportsAwsSdk').join('\n')).toMatch(
      /tagged with "platform:container" is not allowed to import "@aws-sdk\/client-s3"/,
    );
  });

  it('rejects TypeORM in container code', () => {
    expect(boundaryErrors('containerImportsTypeorm').join('\n')).toMatch(
      /tagged with "platform:container" is not allowed to import "typeorm"/,
    );
  });

  it('rejects a pipeline app importing a container app', () => {
    const errors = boundaryErrors('pipelineImportsContainerApp').join('\n');
    expect(errors).toMatch(/Imports of apps are forbidden|can only depend on libs tagged with "type:lib"/);
  });

  it("rejects a model importing another model's scope", () => {
    expect(boundaryErrors('modelImportsOtherModelScope').join('\n')).toMatch(
      /tagged with "scope:b" can only depend on libs tagged with "scope:b", "scope:shared"/,
    );
  });

  it('accepts a model importing its own scope and shared container libs', () => {
    expect(boundaryErrors('clean')).toEqual([]);
    expect(results.get('clean')).toBeDefined();
  });

  it('has the real eslint binary at hand', () => {
    expect(execFileSync('node', [eslintBin, '--version'], { encoding: 'utf8' })).toMatch(/^v9\./);
  });
});
