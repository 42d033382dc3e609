import {
  DescribeProcessingJobCommand,
  DescribeProcessingJobCommandOutput,
  DescribeTrainingJobCommand,
  DescribeTrainingJobCommandOutput,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobKind } from './job-spec';

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export const TERMINAL_STATUSES: readonly string[] = ['Completed', 'Failed', 'Stopped'];

export interface StatusTransition {
  status: string;
  startTime?: Date;
  endTime?: Date;
  message?: string;
}

export interface JobArtifacts {
  /** Training: `s3://…/<job>/output/model.tar.gz`. */
  modelArtifacts?: string;
  /** Training: OutputDataConfig.S3OutputPath. */
  outputPath?: string;
  /** Processing: OutputName → S3 URI. */
  outputs: Record<string, string>;
  checkpoint?: string;
}

/** Plain-data view of DescribeTrainingJob / DescribeProcessingJob, the same shape for both kinds. */
export interface JobDescription {
  kind: JobKind;
  jobName: string;
  arn?: string;
  status: JobStatus | string;
  /** Training only (Starting, Downloading, Training, Uploading, Completed, ...). */
  secondaryStatus?: string;
  failureReason?: string;
  exitMessage?: string;
  creationTime?: Date;
  startTime?: Date;
  endTime?: Date;
  billableSeconds?: number;
  transitions: StatusTransition[];
  /** Training: FinalMetricDataList as name → value. */
  metrics: Record<string, number>;
  artifacts: JobArtifacts;
}

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export async function describeJob(
  sm: SageMakerClient,
  kind: JobKind,
  jobName: string,
): Promise<JobDescription> {
  if (kind === 'training') {
    return fromTraining(await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName })));
  }
  return fromProcessing(await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: jobName })));
}

export function fromTraining(d: DescribeTrainingJobCommandOutput): JobDescription {
  const metrics: Record<string, number> = {};
  for (const m of d.FinalMetricDataList ?? []) {
    if (m.MetricName !== undefined && m.Value !== undefined) metrics[m.MetricName] = m.Value;
  }
  return clean({
    kind: 'training',
    jobName: d.TrainingJobName ?? '',
    arn: d.TrainingJobArn,
    status: d.TrainingJobStatus ?? 'InProgress',
    secondaryStatus: d.SecondaryStatus,
    failureReason: d.FailureReason,
    creationTime: d.CreationTime,
    startTime: d.TrainingStartTime,
    endTime: d.TrainingEndTime,
    billableSeconds: d.BillableTimeInSeconds,
    transitions: (d.SecondaryStatusTransitions ?? []).map((t) =>
      clean({ status: t.Status ?? '', startTime: t.StartTime, endTime: t.EndTime, message: t.StatusMessage }),
    ),
    metrics,
    artifacts: clean({
      modelArtifacts: d.ModelArtifacts?.S3ModelArtifacts,
      outputPath: d.OutputDataConfig?.S3OutputPath,
      outputs: {},
      checkpoint: d.CheckpointConfig?.S3Uri,
    }),
  });
}

export function fromProcessing(d: DescribeProcessingJobCommandOutput): JobDescription {
  const outputs: Record<string, string> = {};
  for (const o of d.ProcessingOutputConfig?.Outputs ?? []) {
    if (o.OutputName && o.S3Output?.S3Uri) outputs[o.OutputName] = o.S3Output.S3Uri;
  }
  return clean({
    kind: 'processing',
    jobName: d.ProcessingJobName ?? '',
    arn: d.ProcessingJobArn,
    status: d.ProcessingJobStatus ?? 'InProgress',
    failureReason: d.FailureReason,
    exitMessage: d.ExitMessage,
    creationTime: d.CreationTime,
    startTime: d.ProcessingStartTime,
    endTime: d.ProcessingEndTime,
    transitions: [],
    metrics: {},
    artifacts: { outputs },
  });
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
