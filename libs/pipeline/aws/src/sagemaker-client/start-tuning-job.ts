import {
  CreateHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  ResourceInUse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { makeTuningJobName, prepareTuningJob } from './build-tuning-request';
import type { TuningJobSpec } from './tuning-spec';

export interface StartedTuningJob {
  jobName: string;
  arn?: string;
  /** True when the tuning job already existed (ResourceInUse) and we attached to it. */
  attached: boolean;
  status: string;
}

/** Validates (throws before any call), then CreateHyperParameterTuningJob, attaching on ResourceInUse. */
export async function startTuningJob(
  sm: SageMakerClient,
  spec: TuningJobSpec,
  opts: { jobName?: string } = {},
): Promise<StartedTuningJob> {
  const jobName = opts.jobName ?? makeTuningJobName(spec.baseJobName ?? 'tuning');
  const request = prepareTuningJob(spec, jobName);
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
