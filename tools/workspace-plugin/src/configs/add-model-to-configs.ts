import type { Tree } from '@nx/devkit';
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap } from 'yaml';
import { GeneratorInputError } from '../errors/generator-input-error';
import { modelSection, TemplateSettings } from './model-section';

export const CONFIG_DIR = 'configs';

/** One environment file with the new model's section added, comments and layout kept. */
export interface ConfigEdit {
  path: string;
  text: string;
}

/** `configs/*.yaml` in the tree, sorted (local, dev, prod and any other environment). */
export function configFiles(tree: Tree): string[] {
  if (!tree.exists(CONFIG_DIR)) return [];
  return tree
    .children(CONFIG_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${CONFIG_DIR}/${f}`);
}

/**
 * Plans the edit of every environment file without writing: each file is parsed and checked first, so
 * a broken file or an existing section refuses the whole generation and no file is half-edited.
 */
export function planConfigEdits(
  tree: Tree,
  name: string,
  team: string,
  template: TemplateSettings,
): ConfigEdit[] {
  const files = configFiles(tree);
  if (files.length === 0) throw new GeneratorInputError([`no ${CONFIG_DIR}/*.yaml environment file found`]);
  const problems: string[] = [];
  const edits: ConfigEdit[] = [];
  for (const path of files) {
    const doc = parseDocument(tree.read(path, 'utf-8') ?? '');
    if (doc.errors.length > 0) {
      problems.push(`${path}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
      continue;
    }
    const models = doc.get('models');
    if (!isMap(models)) {
      problems.push(`${path}: has no "models" map to add the model to`);
      continue;
    }
    if (models.has(name)) {
      problems.push(`${path}: model "${name}" already exists (models.${name})`);
      continue;
    }
    const sibling = firstSection(models);
    const node = doc.createNode(modelSection(name, team, template, sibling));
    quoteRegexes(node);
    const key = doc.createNode(name);
    // A blank line before the new section, like the hand-written ones.
    if (isScalar(key) && models.items.length > 0) key.spaceBefore = true;
    models.add(doc.createPair(key, node));
    edits.push({ path, text: doc.toString({ lineWidth: 0 }) });
  }
  if (problems.length > 0) throw new GeneratorInputError(problems);
  return edits;
}

function firstSection(models: YAMLMap): Record<string, unknown> | undefined {
  const first = models.items[0]?.value;
  if (!isMap(first)) return undefined;
  return first.toJSON() as Record<string, unknown>;
}

/** Metric regexes in single quotes, like the hand-written sections (plain scalars are legal but easy to break). */
function quoteRegexes(section: unknown): void {
  if (!isMap(section)) return;
  const defs = section.getIn(['training', 'metricDefinitions']);
  if (!isSeq(defs)) return;
  for (const def of defs.items) {
    const regex = isMap(def) ? def.get('regex', true) : undefined;
    if (isScalar(regex)) (regex as Scalar).type = 'QUOTE_SINGLE';
  }
}
