import type { JobRecord } from '../state/types';
import type { HandlerMap } from '../server/http-server';
import type { CreateProcessingJobRequest } from '../jobs/requests';
import { validateCreate } from '../validation/validate';
import type { ApiDeps } from './deps';
import { compact, createJob, requireJob, stopJob } from './job-common';
import { listJobs } from './job-list';
import { toAwsTime } from './time';

export function processingHandlers(deps: ApiDeps): HandlerMap {
  return {
    'SageMaker.CreateProcessingJob': (body) => {
      const req = validateCreate<CreateProcessingJobRequest>('CreateProcessingJob', body);
      const job = createJob(deps, 'processing', req.ProcessingJobName, req.RoleArn, req);
      return { ProcessingJobArn: job.arn };
    },
    'SageMaker.DescribeProcessingJob': (body) =>
      describeProcessing(requireJob(deps, 'processing', 'DescribeProcessingJob', body)),
    'SageMaker.StopProcessingJob': (body) => stopJob(deps, 'processing', 'StopProcessingJob', body),
    'SageMaker.ListProcessingJobs': (body) => {
      const { page, nextToken } = listJobs(deps.store.list('processing'), 'ListProcessingJobs', body);
      return compact({
        ProcessingJobSummaries: page.map((j) =>
          compact({
            ProcessingJobName: j.name,
            ProcessingJobArn: j.arn,
            CreationTime: toAwsTime(j.creationTime),
            ProcessingEndTime: toAwsTime(j.endTime),
            LastModifiedTime: toAwsTime(j.lastModifiedTime),
            ProcessingJobStatus: j.status,
            FailureReason: j.failureReason,
            ExitMessage: j.exitMessage,
          }),
        ),
        NextToken: nextToken,
      });
    },
  };
}

export function describeProcessing(job: JobRecord) {
  const req = job.request as CreateProcessingJobRequest;
  return compact({
    ProcessingJobName: job.name,
    ProcessingJobArn: job.arn,
    ProcessingInputs: req.ProcessingInputs,
    ProcessingOutputConfig: req.ProcessingOutputConfig,
    ProcessingResources: req.ProcessingResources,
    StoppingCondition: req.StoppingCondition,
    AppSpecification: req.AppSpecification,
    Environment: req.Environment,
    RoleArn: req.RoleArn,
    ProcessingJobStatus: job.status,
    ExitMessage: job.exitMessage,
    FailureReason: job.failureReason,
    CreationTime: toAwsTime(job.creationTime),
    ProcessingStartTime: toAwsTime(job.startTime),
    ProcessingEndTime: toAwsTime(job.endTime),
    LastModifiedTime: toAwsTime(job.lastModifiedTime),
  });
}
