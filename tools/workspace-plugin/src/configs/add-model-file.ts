import type { Tree } from '@nx/devkit';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { GeneratorInputError } from '../errors/generator-input-error';
import { envOverrides, modelSection, TemplateSettings } from './model-section';

export const CONFIG_DIR = 'configs';
/** A model's own settings, owned by its team (libs/pipeline/config-reader merges them per environment). */
export const MODELS_DIR = `${CONFIG_DIR}/models`;
export const modelFilePath = (name: string) => `${MODELS_DIR}/${name}.yaml`;

/** The new model's file. */
export interface ModelFileEdit {
  path: string;
  text: string;
}

/** `configs/*.yaml` in the tree, sorted (local, dev, prod and any other environment). */
export function configFiles(tree: Tree): string[] {
  if (!tree.exists(CONFIG_DIR)) return [];
  return tree
    .children(CONFIG_DIR)
    .filter((f) => /\.ya?ml$/.test(f) && tree.isFile(`${CONFIG_DIR}/${f}`))
    .sort()
    .map((f) => `${CONFIG_DIR}/${f}`);
}

/**
 * Plans `configs/models/<name>.yaml` without writing. Its sizes, image registry and per-environment
 * overrides follow a model already in configs/models/, so dev/prod get their ECR prefix and sizes without
 * the generator knowing them. Environment files are read, not edited: a broken one, or one that already
 * has `models.<name>`, refuses the whole generation.
 */
export function planModelFile(
  tree: Tree,
  name: string,
  team: string,
  template: TemplateSettings,
): ModelFileEdit {
  const files = configFiles(tree);
  if (files.length === 0) throw new GeneratorInputError([`no ${CONFIG_DIR}/*.yaml environment file found`]);
  const problems: string[] = [];
  const envs: string[] = [];
  for (const path of files) {
    envs.push(path.slice(CONFIG_DIR.length + 1).replace(/\.ya?ml$/, ''));
    const doc = parseDocument(tree.read(path, 'utf-8') ?? '');
    if (doc.errors.length > 0) {
      problems.push(`${path}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
      continue;
    }
    const models = doc.get('models');
    if (isMap(models) && models.has(name))
      problems.push(`${path}: model "${name}" already exists (models.${name})`);
  }
  const path = modelFilePath(name);
  if (tree.exists(path)) problems.push(`${path} already exists`);
  const sibling = readSibling(tree, problems);
  if (problems.length > 0) throw new GeneratorInputError(problems);

  const { env: siblingEnv, ...siblingFacts } = sibling ?? {};
  const section: Record<string, unknown> = modelSection(name, team, template, siblingFacts);
  const env = envOverrides(name, siblingEnv, envs);
  if (Object.keys(env).length > 0) section.env = env;
  const doc = new Document(section);
  quoteRegexes(doc.contents);
  doc.commentBefore = [
    ` Model "${name}": owned by its team (CODEOWNERS), merged by libs/pipeline/config-reader with the`,
    ` environment's platform settings (configs/<env>.yaml). \`env.<name>\` overrides keys in one environment.`,
  ].join('\n');
  return { path, text: doc.toString({ lineWidth: 0 }) };
}

/** The first model file (sorted), as plain data, to copy sizes and per-environment overrides from. */
function readSibling(tree: Tree, problems: string[]): Record<string, unknown> | undefined {
  if (!tree.exists(MODELS_DIR)) return undefined;
  const first = tree
    .children(MODELS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()[0];
  if (first === undefined) return undefined;
  const doc = parseDocument(tree.read(`${MODELS_DIR}/${first}`, 'utf-8') ?? '');
  if (doc.errors.length > 0) {
    problems.push(`${MODELS_DIR}/${first}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
    return undefined;
  }
  const data: unknown = doc.toJS();
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}

/** Metric regexes in single quotes, like the hand-written files (plain scalars are legal but easy to break). */
function quoteRegexes(section: unknown): void {
  if (!isMap(section)) return;
  const defs = section.getIn(['training', 'metricDefinitions']);
  if (!isSeq(defs)) return;
  for (const def of defs.items) {
    const regex = isMap(def) ? def.get('regex', true) : undefined;
    if (isScalar(regex)) (regex as Scalar).type = 'QUOTE_SINGLE';
  }
}
