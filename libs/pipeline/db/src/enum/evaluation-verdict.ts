/** Outcome of checking evaluation metrics against the configured thresholds. */
export const EvaluationVerdict = {
  Passed: 'Passed',
  Failed: 'Failed',
} as const;
export type EvaluationVerdict = (typeof EvaluationVerdict)[keyof typeof EvaluationVerdict];
