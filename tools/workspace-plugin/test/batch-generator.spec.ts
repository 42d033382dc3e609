import { readJson, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { GeneratorInputError } from '../src/errors/generator-input-error';
import { batchGenerator } from '../src/generators/batch/generator';

const generate = (tree: Tree, name: string) => batchGenerator(tree, { name, skipFormat: true });

describe('batch generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write(
      'apps/pipeline-training/project.json',
      JSON.stringify({ name: 'pipeline-training', tags: ['type:app', 'platform:pipeline', 'scope:shared'] }),
    );
    tree.write(
      'libs/shared/contract/src/pipeline/batches.ts',
      "export const BATCHES = ['collection', 'training'] as const;\n",
    );
  });

  it('appends the batch to the declared order, which npm start and production run', async () => {
    await generate(tree, 'drift-chk');
    expect(tree.read('libs/shared/contract/src/pipeline/batches.ts', 'utf-8')).toBe(
      "export const BATCHES = ['collection', 'training', 'drift-chk'] as const;\n",
    );
  });

  it('refuses, writing nothing, when the batch order declaration is missing', async () => {
    tree.delete('libs/shared/contract/src/pipeline/batches.ts');
    await expect(generate(tree, 'drift-chk')).rejects.toThrow(/batches\.ts is missing/);
    expect(tree.exists('apps/pipeline-drift-chk')).toBe(false);
  });

  it('creates apps/pipeline-<name> built like the other batches, with a runnable definition and tests', async () => {
    await generate(tree, 'drift-chk');
    const root = 'apps/pipeline-drift-chk';
    const project = readJson(tree, `${root}/project.json`);
    expect(project.name).toBe('pipeline-drift-chk');
    expect(project.tags).toEqual(['type:app', 'platform:pipeline', 'scope:shared']);
    expect(project.targets.build.options.command).toBe(
      'node libs/pipeline/pipeline-core/build/build-app.mjs apps/pipeline-drift-chk',
    );
    expect(readJson(tree, `${root}/package.json`).name).toBe('@mlops/pipeline-drift-chk');
    expect(tree.read(`${root}/src/main.ts`, 'utf-8')).toBe(
      "import { main } from '@mlops/pipeline-core';\nimport { driftChk } from './drift-chk';\n\nmain(driftChk);\n",
    );
    const def = tree.read(`${root}/src/drift-chk.ts`, 'utf-8') ?? '';
    expect(def).toContain('export const driftChk: BatchDefinition = {');
    expect(def).toContain("command: 'pipeline-drift-chk',");
    // Batch names are open in libs/pipeline/db: the generated name is used as is, no cast to a closed list.
    expect(def).toContain("  batch: 'drift-chk',\n");
    expect(def).not.toMatch(/ as (string|BatchName)\b/);
    expect(tree.read(`${root}/test/drift-chk.spec.ts`, 'utf-8')).toContain(
      "expect(row).toMatchObject({ batch: 'drift-chk', jobType: 'Processing', status: 'InProgress' });",
    );
    expect(Object.keys(project.targets).sort()).toEqual([
      'build',
      'docker:push',
      'test:container',
      'typecheck',
    ]);
    expect(project.implicitDependencies).toEqual(['pipeline-runtime']);
    expect(tree.read(`${root}/Dockerfile`, 'utf-8')).toContain('FROM pipeline-runtime:latest');
    expect(tree.isFile(`${root}/test/drift-chk.spec.ts`)).toBe(true);
    expect(tree.read(`${root}/README.md`, 'utf-8')).toContain('# pipeline-drift-chk');
    expect(tree.read(`${root}/Dockerfile`, 'utf-8')).toContain('COPY dist/ /app/');
    expect(tree.read(`${root}/jest.config.js`, 'utf-8')).toContain("displayName: 'pipeline-drift-chk'");
    for (const f of tree.listChanges().filter((c) => c.path.startsWith(root)))
      expect({ f: f.path, ejs: /<%|%>|__tmpl__|__name__/.test(f.path + f.content?.toString()) }).toEqual({
        f: f.path,
        ejs: false,
      });
  });

  it.each([
    ['Drift', /batch name "Drift" is invalid/],
    ['drift_check', /batch name "drift_check" is invalid/],
    ['monitoring2', /batch name "monitoring2" is 11 chars, over the 10-char budget/],
    ['training', /apps\/pipeline-training already exists/],
  ])('refuses %j with nothing written', async (name, message) => {
    const before = tree.listChanges().length;
    await expect(generate(tree, name)).rejects.toThrow(GeneratorInputError);
    await expect(generate(tree, name)).rejects.toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });
});
