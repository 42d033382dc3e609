/** The pipeline batches (the seed's `batches/` folders). */
export const BatchName = {
  Collection: 'collection',
  Preprocess: 'preprocess',
  Training: 'training',
  Evaluation: 'evaluation',
  Inference: 'inference',
} as const;
export type BatchName = (typeof BatchName)[keyof typeof BatchName];
