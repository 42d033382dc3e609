/** What an artifact row points at. */
export const ArtifactKind = {
  RawData: 'raw-data',
  ProcessedData: 'processed-data',
  Model: 'model',
  Checkpoint: 'checkpoint',
  EvaluationReport: 'evaluation-report',
  Plot: 'plot',
  Predictions: 'predictions',
  Output: 'output',
} as const;
export type ArtifactKind = (typeof ArtifactKind)[keyof typeof ArtifactKind];
