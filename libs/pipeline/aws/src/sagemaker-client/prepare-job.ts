import type {
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import { validateRequest } from '@mlops/contract';
import type { ProcessingJobSpec, TrainingJobSpec } from './job-spec';
import { SageMakerValidationError } from './errors';
import { buildTrainingJobRequest } from './build-training-request';
import { buildProcessingJobRequest } from './build-processing-request';
import { makeJobName } from './job-name';

declare const validated: unique symbol;

/**
 * An SDK input built from a spec and validated once, by `prepareTrainingJob` / `prepareProcessingJob`
 * (the only producers of the brand). The start functions accept nothing else, so a request is never
 * sent unvalidated and never built twice.
 */
export type PreparedTrainingRequest = CreateTrainingJobCommandInput & {
  TrainingJobName: string;
  readonly [validated]: 'CreateTrainingJob';
};
export type PreparedProcessingRequest = CreateProcessingJobCommandInput & {
  ProcessingJobName: string;
  readonly [validated]: 'CreateProcessingJob';
};

/**
 * Builds the CreateTrainingJob input and validates it against the SageMaker rules of @mlops/contract
 * (the same the local SageMaker applies); throws SageMakerValidationError listing every violation.
 * Without `jobName`, the name is `<baseJobName>-<timestamp>`.
 */
export function prepareTrainingJob(spec: TrainingJobSpec, jobName?: string): PreparedTrainingRequest {
  const name = jobName ?? makeJobName(spec.baseJobName ?? 'training');
  const { request, violations } = buildTrainingJobRequest(spec, name);
  const all = [...violations, ...validateRequest('CreateTrainingJob', request)];
  if (all.length > 0) throw new SageMakerValidationError('CreateTrainingJob', all);
  return request as PreparedTrainingRequest;
}

/** As `prepareTrainingJob`, for CreateProcessingJob. */
export function prepareProcessingJob(spec: ProcessingJobSpec, jobName?: string): PreparedProcessingRequest {
  const name = jobName ?? makeJobName(spec.baseJobName ?? 'processing');
  const request = buildProcessingJobRequest(spec, name);
  const all = validateRequest('CreateProcessingJob', request);
  if (all.length > 0) throw new SageMakerValidationError('CreateProcessingJob', all);
  return request as PreparedProcessingRequest;
}
