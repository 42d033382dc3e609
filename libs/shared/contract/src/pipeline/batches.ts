/**
 * The batches, in pipeline order: the one declaration that the local pipeline (`npm start`) and the
 * production orchestrator (infra's state machine) both run. Each is `apps/pipeline-<batch>`; the batch
 * generator appends here.
 */
export const BATCHES = ['collection', 'preprocess', 'training', 'evaluation', 'inference'] as const;
export type BatchName = (typeof BATCHES)[number];
