import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  ResourceInUse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobKind } from './job-spec';
import type { PreparedProcessingRequest, PreparedTrainingRequest } from './prepare-job';
import { describeJob } from './describe-job';

export interface StartedJob {
  kind: JobKind;
  jobName: string;
  arn?: string;
  /** True when the job already existed (ResourceInUse) and we attached to it. */
  attached: boolean;
  status: string;
}

/**
 * Sends the prepared CreateTrainingJob input as it is (see `prepareTrainingJob`), attaching on
 * ResourceInUse: with a deterministic name, re-running attaches instead of launching a duplicate.
 */
export async function startTrainingJob(
  sm: SageMakerClient,
  request: PreparedTrainingRequest,
): Promise<StartedJob> {
  return createOrAttach(sm, 'training', request.TrainingJobName, async () => {
    const res = await sm.send(new CreateTrainingJobCommand(request));
    return res.TrainingJobArn;
  });
}

/** Sends the prepared CreateProcessingJob input as it is, attaching on ResourceInUse. */
export async function startProcessingJob(
  sm: SageMakerClient,
  request: PreparedProcessingRequest,
): Promise<StartedJob> {
  return createOrAttach(sm, 'processing', request.ProcessingJobName, async () => {
    const res = await sm.send(new CreateProcessingJobCommand(request));
    return res.ProcessingJobArn;
  });
}

async function createOrAttach(
  sm: SageMakerClient,
  kind: JobKind,
  jobName: string,
  create: () => Promise<string | undefined>,
): Promise<StartedJob> {
  try {
    const arn = await create();
    return { kind, jobName, ...(arn ? { arn } : {}), attached: false, status: 'InProgress' };
  } catch (err) {
    // Also covers an SDK retry of a Create whose first response was lost: the job exists, so attach.
    if (!(err instanceof ResourceInUse) && (err as { name?: string }).name !== 'ResourceInUse') throw err;
    const existing = await describeJob(sm, kind, jobName);
    return {
      kind,
      jobName,
      ...(existing.arn ? { arn: existing.arn } : {}),
      attached: true,
      status: existing.status,
    };
  }
}
