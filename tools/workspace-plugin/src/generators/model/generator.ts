import { generateFiles, GeneratorCallback, logger, names, Tree } from '@nx/devkit';
import { join } from 'node:path';
import { updateCodeowners } from '../../codeowners/codeowners';
import { planModelFile } from '../../configs/add-model-file';
import { formatGenerated } from '../../format/format-generated';
import { templatedOutputs } from '../../format/templated-files';
import { GeneratorInputError } from '../../errors/generator-input-error';
import { nameProblems } from '../../names/validate-name';
import { ownerProblems, teamSlug } from '../../owners/owner';
import { takenProblems } from '../common/project-checks';
import type { ModelGeneratorSchema } from './schema';
import { TEMPLATE_SETTINGS } from './template-settings';

/**
 * `nx g @mlops/workspace-plugin:model <name> --owner <@org/team>`. Every check runs and the model's
 * config file (configs/models/<name>.yaml) is planned before the first write, so a refused name leaves
 * the tree untouched. Environment files are not edited.
 */
export async function modelGenerator(tree: Tree, options: ModelGeneratorSchema): Promise<GeneratorCallback> {
  const name = typeof options.name === 'string' ? options.name.trim() : options.name;
  const owner = typeof options.owner === 'string' ? options.owner.trim() : options.owner;
  const projectName = `container-${name}`;
  const projectRoot = `apps/${projectName}`;
  const dataDir = `data/${name}`;

  const problems = [...nameProblems('model', name), ...ownerProblems(owner)];
  if (problems.length === 0) {
    problems.push(...takenProblems(tree, projectRoot, projectName));
    if (tree.exists(dataDir)) problems.push(`${dataDir} already exists`);
  }
  if (problems.length > 0) throw new GeneratorInputError(problems);
  const team = teamSlug(owner);
  const modelFile = planModelFile(tree, name, team, TEMPLATE_SETTINGS);

  const vars = {
    ...names(name),
    name,
    owner,
    team,
    projectName,
    projectRoot,
    dataDir,
    hyperparameters: TEMPLATE_SETTINGS.hyperparameters,
    tmpl: '',
  };
  generateFiles(tree, join(__dirname, 'files', 'app'), projectRoot, vars);
  generateFiles(tree, join(__dirname, 'files', 'data'), dataDir, vars);
  tree.write(modelFile.path, modelFile.text);
  updateCodeowners(tree);
  if (!options.skipFormat)
    await formatGenerated(tree, templatedOutputs(join(__dirname, 'files', 'app'), projectRoot, { name }));

  return () => {
    logger.info(
      [
        `Model "${name}" (owner ${owner}) is ready:`,
        `  npx nx run-many -t lint test build -p ${projectName}`,
        `  npx nx run ${projectName}:test:container   # builds the image first`,
        `  npm start -- --models ${name}   # the local pipeline runs it (builds it first)`,
      ].join('\n'),
    );
  };
}

export default modelGenerator;
