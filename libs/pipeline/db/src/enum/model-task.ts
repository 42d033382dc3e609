/** The kind of model, which decides the evaluation metrics. */
export const ModelTask = {
  Classification: 'classification',
  Regression: 'regression',
} as const;
export type ModelTask = (typeof ModelTask)[keyof typeof ModelTask];
