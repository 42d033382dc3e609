/**
 * Training `SecondaryStatus` values from the SageMaker API. Stored as free text (no CHECK constraint)
 * because AWS adds values over time and a new one must never make a status update fail.
 */
export const SecondaryStatus = {
  Starting: 'Starting',
  LaunchingMLInstances: 'LaunchingMLInstances',
  PreparingTrainingStack: 'PreparingTrainingStack',
  Downloading: 'Downloading',
  DownloadingTrainingImage: 'DownloadingTrainingImage',
  Training: 'Training',
  Uploading: 'Uploading',
  Stopping: 'Stopping',
  Stopped: 'Stopped',
  MaxRuntimeExceeded: 'MaxRuntimeExceeded',
  Completed: 'Completed',
  Failed: 'Failed',
  Interrupted: 'Interrupted',
  MaxWaitTimeExceeded: 'MaxWaitTimeExceeded',
  Updating: 'Updating',
  Restarting: 'Restarting',
  Pending: 'Pending',
} as const;
export type SecondaryStatus = (typeof SecondaryStatus)[keyof typeof SecondaryStatus];
