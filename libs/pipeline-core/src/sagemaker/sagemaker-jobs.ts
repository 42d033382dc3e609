import {
  CreateProcessingJobCommand,
  CreateProcessingJobRequest,
  CreateTrainingJobCommand,
  CreateTrainingJobRequest,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobDescription } from './job-description';
import type { JobKind } from './job-kind';

/** Outcome of an idempotent start: `attached` when a job of that name already existed. */
export interface StartResult {
  name: string;
  arn?: string;
  attached: boolean;
}

/**
 * Thin adapter over the SageMaker SDK for the calls the batches make: idempotent create and describe.
 * Interim until @mlops/aws publishes its sagemaker-client (then this delegates to it); kept to
 * plain data in and out so callers do not change.
 */
export class SageMakerJobs {
  constructor(private readonly client: SageMakerClient) {}

  /** Creates the job; an existing job of the same name (a rerun) is attached to, never duplicated. */
  async startTraining(req: CreateTrainingJobRequest): Promise<StartResult> {
    const name = req.TrainingJobName as string;
    try {
      const out = await this.client.send(new CreateTrainingJobCommand(req));
      return { name, arn: out.TrainingJobArn, attached: false };
    } catch (err) {
      if (!isResourceInUse(err)) throw err;
      return { name, arn: (await this.describe('training', name))?.arn, attached: true };
    }
  }

  async startProcessing(req: CreateProcessingJobRequest): Promise<StartResult> {
    const name = req.ProcessingJobName as string;
    try {
      const out = await this.client.send(new CreateProcessingJobCommand(req));
      return { name, arn: out.ProcessingJobArn, attached: false };
    } catch (err) {
      if (!isResourceInUse(err)) throw err;
      return { name, arn: (await this.describe('processing', name))?.arn, attached: true };
    }
  }

  /** The job, or undefined when SageMaker does not know the name. */
  async describe(kind: JobKind, name: string): Promise<JobDescription | undefined> {
    try {
      if (kind === 'training') {
        const d = await this.client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
        return {
          kind,
          name,
          arn: d.TrainingJobArn,
          status: d.TrainingJobStatus ?? 'InProgress',
          secondaryStatus: d.SecondaryStatus,
          failureReason: d.FailureReason,
          startTime: d.TrainingStartTime,
          endTime: d.TrainingEndTime,
          metrics: Object.fromEntries(
            (d.FinalMetricDataList ?? [])
              .filter((m) => m.MetricName !== undefined && typeof m.Value === 'number')
              .map((m) => [m.MetricName as string, m.Value as number]),
          ),
          modelArtifacts: d.ModelArtifacts?.S3ModelArtifacts,
        };
      }
      const d = await this.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
      return {
        kind,
        name,
        arn: d.ProcessingJobArn,
        status: d.ProcessingJobStatus ?? 'InProgress',
        secondaryStatus: undefined,
        failureReason: d.FailureReason,
        startTime: d.ProcessingStartTime,
        endTime: d.ProcessingEndTime,
        metrics: {},
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function errorName(err: unknown): string {
  return (err as { name?: string })?.name ?? '';
}

function isResourceInUse(err: unknown): boolean {
  return errorName(err) === 'ResourceInUse';
}

// AWS answers an unknown job name with ValidationException "Requested resource not found"; the local
// emulator (and newer API versions) with ResourceNotFound.
function isNotFound(err: unknown): boolean {
  const name = errorName(err);
  if (name === 'ResourceNotFound') return true;
  return name === 'ValidationException' && /not found|does not exist/i.test((err as Error).message);
}
