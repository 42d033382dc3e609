/** Which SageMaker API a job row belongs to. */
export const JobType = {
  Training: 'Training',
  Processing: 'Processing',
} as const;
export type JobType = (typeof JobType)[keyof typeof JobType];
