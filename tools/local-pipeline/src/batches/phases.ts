import { BATCHES, BatchName } from '@mlops/contract';

/** The batches in pipeline order, as the contract declares them. Each is `apps/pipeline-<phase>`. */
export const PHASES = BATCHES;
export type Phase = BatchName;
