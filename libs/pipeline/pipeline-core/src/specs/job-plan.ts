import { prepareProcessingJob, prepareTrainingJob } from '@mlops/aws';
import type {
  PreparedProcessingRequest,
  PreparedTrainingRequest,
  ProcessingJobSpec,
  TrainingJobSpec,
} from '@mlops/aws';

/** What a batch asks for: a job spec under its deterministic name. */
export type JobRequest =
  | { kind: 'training'; name: string; spec: TrainingJobSpec }
  | { kind: 'processing'; name: string; spec: ProcessingJobSpec };

/** A job ready to run: the SDK input, built and validated once, carried to `runJob` and sent as it is. */
export type JobPlan =
  | { kind: 'training'; name: string; request: PreparedTrainingRequest }
  | { kind: 'processing'; name: string; request: PreparedProcessingRequest };

/**
 * Builds the request exactly as it will be sent and validates it against the API constraints
 * (@mlops/aws). Throws SageMakerValidationError listing every violation (exit 2), before any call.
 */
export function prepareJobPlan(job: JobRequest): JobPlan {
  return job.kind === 'training'
    ? { kind: 'training', name: job.name, request: prepareTrainingJob(job.spec, job.name) }
    : { kind: 'processing', name: job.name, request: prepareProcessingJob(job.spec, job.name) };
}
