export { BATCHES } from './pipeline/batches';
export type { BatchName } from './pipeline/batches';
export { PROCESSING_COMMAND, processingArguments } from './container/commands';
