/** `ProcessingJobStatus` as returned by DescribeProcessingJob (same values as training today, kept separate as in the API). */
export const ProcessingJobStatus = {
  InProgress: 'InProgress',
  Completed: 'Completed',
  Failed: 'Failed',
  Stopping: 'Stopping',
  Stopped: 'Stopped',
} as const;
export type ProcessingJobStatus = (typeof ProcessingJobStatus)[keyof typeof ProcessingJobStatus];
