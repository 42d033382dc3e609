/** Lifecycle of one pipeline run (a `--run-id` for one model). */
export const PipelineRunStatus = {
  Running: 'Running',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
} as const;
export type PipelineRunStatus = (typeof PipelineRunStatus)[keyof typeof PipelineRunStatus];
