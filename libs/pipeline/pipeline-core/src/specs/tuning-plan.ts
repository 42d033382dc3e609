import { prepareTuningJob } from '@mlops/aws';
import type { TuningJobSpec } from '@mlops/aws';

/** A hyperparameter tuning job to run under its deterministic name (see tuningJobNameFor). */
export interface TuningPlan {
  kind: 'tuning';
  name: string;
  spec: TuningJobSpec;
}

/**
 * Builds and validates the CreateHyperParameterTuningJob request exactly as it will be sent, against the
 * @mlops/contract rules (the ones the local SageMaker applies). Throws SageMakerValidationError listing
 * every violation (exit 2), before any call.
 */
export function validateTuningPlan(plan: TuningPlan): TuningPlan {
  prepareTuningJob(plan.spec, plan.name);
  return plan;
}
