export { BATCHES } from './pipeline/batches';
export type { BatchName } from './pipeline/batches';
