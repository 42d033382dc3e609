import {
  CreateHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  ResourceInUse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { PreparedTuningRequest } from './build-tuning-request';

export interface StartedTuningJob {
  jobName: string;
  arn?: string;
  /** True when the tuning job already existed (ResourceInUse) and we attached to it. */
  attached: boolean;
  status: string;
}

/** Sends the prepared request (see prepareTuningJob) as is; attaches on ResourceInUse. */
export async function startTuningJob(
  sm: SageMakerClient,
  request: PreparedTuningRequest,
): Promise<StartedTuningJob> {
  const jobName = request.HyperParameterTuningJobName;
  try {
    const res = await sm.send(new CreateHyperParameterTuningJobCommand(request));
    return { jobName, arn: res.HyperParameterTuningJobArn, attached: false, status: 'InProgress' };
  } catch (err) {
    if (!(err instanceof ResourceInUse) && (err as { name?: string }).name !== 'ResourceInUse') throw err;
    const d = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: jobName }),
    );
    return {
      jobName,
      arn: d.HyperParameterTuningJobArn,
      attached: true,
      status: d.HyperParameterTuningJobStatus ?? 'unknown',
    };
  }
}
