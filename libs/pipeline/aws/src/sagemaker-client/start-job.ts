import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  ResourceInUse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobKind, ProcessingJobSpec, TrainingJobSpec } from './job-spec';
import { prepareProcessingJob, prepareTrainingJob, resolveJobName } from './prepare-job';
import { describeJob } from './describe-job';

export interface StartJobOptions {
  /**
   * Deterministic name (e.g. derived from a pipeline run id). Re-running with the same name
   * attaches to the existing job instead of launching a duplicate. Default: `<base>-<timestamp>`.
   */
  jobName?: string;
}

export interface StartedJob {
  kind: JobKind;
  jobName: string;
  arn?: string;
  /** True when the job already existed (ResourceInUse) and we attached to it. */
  attached: boolean;
  status: string;
}

/** Validates (throws before any call), then CreateTrainingJob, attaching on ResourceInUse. */
export async function startTrainingJob(
  sm: SageMakerClient,
  spec: TrainingJobSpec,
  opts: StartJobOptions = {},
): Promise<StartedJob> {
  const jobName = resolveJobName(opts.jobName, spec.baseJobName, 'training');
  const request = prepareTrainingJob(spec, jobName);
  return createOrAttach(sm, 'training', jobName, async () => {
    const res = await sm.send(new CreateTrainingJobCommand(request));
    return res.TrainingJobArn;
  });
}

/** Validates (throws before any call), then CreateProcessingJob, attaching on ResourceInUse. */
export async function startProcessingJob(
  sm: SageMakerClient,
  spec: ProcessingJobSpec,
  opts: StartJobOptions = {},
): Promise<StartedJob> {
  const jobName = resolveJobName(opts.jobName, spec.baseJobName, 'processing');
  const request = prepareProcessingJob(spec, jobName);
  return createOrAttach(sm, 'processing', jobName, async () => {
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
