export { modelGenerator } from './generators/model/generator';
export { batchGenerator } from './generators/batch/generator';
export { nameProblems, NAME_PATTERN } from './names/validate-name';
export { MODEL_NAME_MAX, BATCH_NAME_MAX } from './names/name-budget';
export { GeneratorInputError } from './errors/generator-input-error';
