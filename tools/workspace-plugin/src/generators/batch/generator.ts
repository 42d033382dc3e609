import { generateFiles, GeneratorCallback, logger, names, Tree } from '@nx/devkit';
import { join } from 'node:path';
import { formatGenerated } from '../../format/format-generated';
import { templatedOutputs } from '../../format/templated-files';
import { GeneratorInputError } from '../../errors/generator-input-error';
import { nameProblems } from '../../names/validate-name';
import { takenProblems } from '../common/project-checks';
import type { BatchGeneratorSchema } from './schema';
import { BATCHES_FILE, declarationProblems, declareBatch } from './declare-batch';

/**
 * `nx g @mlops/workspace-plugin:batch <name>`: apps/pipeline-<name>, a batch CLI on libs/pipeline/pipeline-core
 * with the same build, Dockerfile and test setup as the five pipeline batches, appended to the batch
 * order (libs/shared/contract), so `npm start` runs it. Checks run before the first write, so a refused
 * name leaves the tree untouched.
 */
export async function batchGenerator(tree: Tree, options: BatchGeneratorSchema): Promise<GeneratorCallback> {
  const name = typeof options.name === 'string' ? options.name.trim() : options.name;
  const projectName = `pipeline-${name}`;
  const projectRoot = `apps/${projectName}`;
  const problems = nameProblems('batch', name);
  if (problems.length === 0)
    problems.push(...takenProblems(tree, projectRoot, projectName), ...declarationProblems(tree));
  if (problems.length > 0) throw new GeneratorInputError(problems);

  generateFiles(tree, join(__dirname, 'files'), projectRoot, {
    ...names(name),
    name,
    projectName,
    projectRoot,
    tmpl: '',
  });
  declareBatch(tree, name);
  if (!options.skipFormat)
    await formatGenerated(tree, templatedOutputs(join(__dirname, 'files'), projectRoot, { name }));

  return () => {
    logger.info(
      [
        `Batch "${name}" is ready, and runs last in ${BATCHES_FILE} (move it there to run it earlier):`,
        `  npx nx run-many -t lint test build -p ${projectName}`,
        `  node ${projectRoot}/dist/main.js --model iris --run-id <run-id>`,
      ].join('\n'),
    );
  };
}

export default batchGenerator;
