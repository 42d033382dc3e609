import { prepareProcessingJob, prepareTrainingJob } from '@mlops/aws';
import type { ProcessingJobSpec, TrainingJobSpec } from '@mlops/aws';

/** A job to run under its deterministic name. */
export type JobPlan =
  | { kind: 'training'; name: string; spec: TrainingJobSpec }
  | { kind: 'processing'; name: string; spec: ProcessingJobSpec };

/**
 * Builds and validates the request exactly as it will be sent, against the API constraints
 * (@mlops/aws). Throws SageMakerValidationError listing every violation (exit 2), before any call.
 */
export function validateJobPlan(plan: JobPlan): JobPlan {
  if (plan.kind === 'training') prepareTrainingJob(plan.spec, plan.name);
  else prepareProcessingJob(plan.spec, plan.name);
  return plan;
}
