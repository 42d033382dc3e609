import { Tree } from '@nx/devkit';
import { GeneratorInputError } from '../../errors/generator-input-error';
import type { BatchGeneratorSchema } from './schema';

export async function batchGenerator(_tree: Tree, options: BatchGeneratorSchema): Promise<void> {
  throw new GeneratorInputError([`batch generator for "${options.name}" is not implemented yet`]);
}

export default batchGenerator;
