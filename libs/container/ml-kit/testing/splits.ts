/** The preprocess outputs as files, and training trees fed with them (the hand-off the pipeline makes). */
import * as path from 'node:path';
import { copyInto, makeTrainingTree, ProcessingTree, TrainingTree } from './opt-ml';

/** The preprocess job's outputs, the names of the processing outputs. */
export const PREPROCESS_OUTPUTS = ['train', 'validation', 'test', 'stats'];
export const TRAINING_CHANNELS = ['train', 'validation', 'stats'];

export type Splits = Record<'train' | 'validation' | 'test' | 'stats', string>;

/** The files a preprocess job wrote in its tree: `<output>/<output>.csv` and `stats/stats.json`. */
export function splitsOf(tree: ProcessingTree): Splits {
  return {
    train: path.join(tree.outputs.train, 'train.csv'),
    validation: path.join(tree.outputs.validation, 'validation.csv'),
    test: path.join(tree.outputs.test, 'test.csv'),
    stats: path.join(tree.outputs.stats, 'stats.json'),
  };
}

/** A training tree whose channels hold the split of the same name (as the pipeline maps them). */
export function trainingTreeFrom(
  splits: Splits,
  hyperparameters: Record<string, unknown>,
  channels: readonly string[] = TRAINING_CHANNELS,
): TrainingTree {
  // Every split is checked before the tree exists, so a bad call leaves no temp dir behind.
  const files = channels.map((c) => {
    const file = splits[c as keyof Splits];
    if (!file)
      throw new Error(`trainingTreeFrom: no split for channel "${c}" (splits: ${Object.keys(splits)})`);
    return file;
  });
  const tree = makeTrainingTree(hyperparameters, [...channels]);
  channels.forEach((c, i) => copyInto(tree.channels[c], { [path.basename(files[i])]: files[i] }));
  return tree;
}
