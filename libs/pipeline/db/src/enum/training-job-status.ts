/** `TrainingJobStatus` as returned by DescribeTrainingJob. */
export const TrainingJobStatus = {
  InProgress: 'InProgress',
  Completed: 'Completed',
  Failed: 'Failed',
  Stopping: 'Stopping',
  Stopped: 'Stopped',
} as const;
export type TrainingJobStatus = (typeof TrainingJobStatus)[keyof typeof TrainingJobStatus];
