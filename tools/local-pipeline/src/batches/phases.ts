/** The five batches, in pipeline order. Each is `apps/pipeline-<phase>`. */
export const PHASES = ['collection', 'preprocess', 'training', 'evaluation', 'inference'] as const;
export type Phase = (typeof PHASES)[number];
