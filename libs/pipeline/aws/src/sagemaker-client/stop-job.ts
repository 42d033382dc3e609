import { SageMakerClient, StopProcessingJobCommand, StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import type { JobKind } from './job-spec';
import { describeJob, isTerminal } from './describe-job';

export interface StopResult {
  jobName: string;
  /** False when the job had already finished; stopping is then a no-op. */
  stopRequested: boolean;
  status: string;
}

/** Requests a stop (SIGTERM, then SIGKILL after 120 s on SageMaker). Idempotent. */
export async function stopJob(sm: SageMakerClient, kind: JobKind, jobName: string): Promise<StopResult> {
  const before = await describeJob(sm, kind, jobName);
  if (isTerminal(before.status) || before.status === 'Stopping') {
    return { jobName, stopRequested: false, status: before.status };
  }
  if (kind === 'training') await sm.send(new StopTrainingJobCommand({ TrainingJobName: jobName }));
  else await sm.send(new StopProcessingJobCommand({ ProcessingJobName: jobName }));
  return { jobName, stopRequested: true, status: 'Stopping' };
}
