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

/** Picks the caller's (deterministic) name or generates `<base>-<timestamp>`. */
export function resolveJobName(
  explicit: string | undefined,
  base: string | undefined,
  fallbackBase: string,
): string {
  return explicit ?? makeJobName(base ?? fallbackBase);
}

/** Builds and validates against the SageMaker rules of @mlops/contract (the same the local SageMaker
 *  applies); throws SageMakerValidationError listing every violation. */
export function prepareTrainingJob(spec: TrainingJobSpec, jobName: string): CreateTrainingJobCommandInput {
  const { request, violations } = buildTrainingJobRequest(spec, jobName);
  const all = [...violations, ...validateRequest('CreateTrainingJob', request)];
  if (all.length > 0) throw new SageMakerValidationError('CreateTrainingJob', all);
  return request;
}

export function prepareProcessingJob(
  spec: ProcessingJobSpec,
  jobName: string,
): CreateProcessingJobCommandInput {
  const request = buildProcessingJobRequest(spec, jobName);
  const all = validateRequest('CreateProcessingJob', request);
  if (all.length > 0) throw new SageMakerValidationError('CreateProcessingJob', all);
  return request;
}
