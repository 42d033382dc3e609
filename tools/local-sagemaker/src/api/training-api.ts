import type { JobRecord } from '../state/types';
import type { HandlerMap } from '../server/http-server';
import type { CreateTrainingJobRequest } from '../jobs/requests';
import { validateCreate } from '../validation/validate';
import type { ApiDeps } from './deps';
import { compact, createJob, requireJob, stopJob } from './job-common';
import { listJobs } from './job-list';
import { toAwsTime } from './time';

export function trainingHandlers(deps: ApiDeps): HandlerMap {
  return {
    'SageMaker.CreateTrainingJob': (body) => {
      const req = validateCreate<CreateTrainingJobRequest>('CreateTrainingJob', body);
      const job = createJob(deps, 'training', req.TrainingJobName, req.RoleArn, req);
      return { TrainingJobArn: job.arn };
    },
    'SageMaker.DescribeTrainingJob': (body) =>
      describeTraining(requireJob(deps, 'training', 'DescribeTrainingJob', body)),
    'SageMaker.StopTrainingJob': (body) => stopJob(deps, 'training', 'StopTrainingJob', body),
    'SageMaker.ListTrainingJobs': (body) => {
      const { page, nextToken } = listJobs(deps.store.list('training'), 'ListTrainingJobs', body);
      return compact({
        TrainingJobSummaries: page.map((j) =>
          compact({
            TrainingJobName: j.name,
            TrainingJobArn: j.arn,
            CreationTime: toAwsTime(j.creationTime),
            TrainingEndTime: toAwsTime(j.endTime),
            LastModifiedTime: toAwsTime(j.lastModifiedTime),
            TrainingJobStatus: j.status,
            SecondaryStatus: j.secondaryStatus,
          }),
        ),
        NextToken: nextToken,
      });
    },
  };
}

export function describeTraining(job: JobRecord) {
  const req = job.request as CreateTrainingJobRequest;
  const seconds =
    job.startTime !== undefined
      ? Math.max(1, Math.round(((job.endTime ?? Date.now()) - job.startTime) / 1000))
      : undefined;
  return compact({
    TrainingJobName: job.name,
    TrainingJobArn: job.arn,
    TuningJobArn: req.TuningJobArn as string | undefined,
    ModelArtifacts: job.modelArtifacts ? { S3ModelArtifacts: job.modelArtifacts } : undefined,
    TrainingJobStatus: job.status,
    SecondaryStatus: job.secondaryStatus,
    FailureReason: job.failureReason,
    HyperParameters: req.HyperParameters,
    AlgorithmSpecification: req.AlgorithmSpecification,
    RoleArn: req.RoleArn,
    InputDataConfig: req.InputDataConfig,
    OutputDataConfig: req.OutputDataConfig,
    ResourceConfig: req.ResourceConfig,
    StoppingCondition: req.StoppingCondition,
    CreationTime: toAwsTime(job.creationTime),
    TrainingStartTime: toAwsTime(job.startTime),
    TrainingEndTime: toAwsTime(job.endTime),
    LastModifiedTime: toAwsTime(job.lastModifiedTime),
    SecondaryStatusTransitions: job.transitions.map((t) =>
      compact({ ...t, StartTime: toAwsTime(t.StartTime), EndTime: toAwsTime(t.EndTime) }),
    ),
    FinalMetricDataList: job.finalMetrics.map((m) => ({ ...m, Timestamp: toAwsTime(m.Timestamp) })),
    EnableNetworkIsolation: req.EnableNetworkIsolation ?? false,
    // Echoed as SageMaker does; locally the job runs on demand, outside any VPC (PARITY.md).
    EnableManagedSpotTraining: req.EnableManagedSpotTraining ?? false,
    VpcConfig: req.VpcConfig,
    Environment: req.Environment,
    CheckpointConfig: req.CheckpointConfig,
    TrainingTimeInSeconds: job.endTime !== undefined ? seconds : undefined,
    BillableTimeInSeconds: job.endTime !== undefined ? seconds : undefined,
  });
}
