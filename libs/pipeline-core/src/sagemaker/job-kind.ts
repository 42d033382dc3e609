/** The two SageMaker job APIs the batches use. */
export type JobKind = 'training' | 'processing';

/** CloudWatch Logs group of each kind; streams are `<job-name>/<host>`. */
export const LOG_GROUP: Record<JobKind, string> = {
  training: '/aws/sagemaker/TrainingJobs',
  processing: '/aws/sagemaker/ProcessingJobs',
};
