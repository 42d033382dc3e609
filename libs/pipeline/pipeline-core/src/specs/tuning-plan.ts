import { prepareTuningJob } from '@mlops/aws';
import type { PreparedTuningRequest, TuningJobSpec } from '@mlops/aws';

/** A hyperparameter tuning job under its deterministic name (see tuningJobNameFor), its request built once. */
export interface TuningPlan {
  kind: 'tuning';
  name: string;
  /** What the request was built from: the trials' metric definitions and the objective are read from it. */
  spec: TuningJobSpec;
  request: PreparedTuningRequest;
}

/**
 * Builds and validates the CreateHyperParameterTuningJob request once, exactly as it will be sent, against
 * the @mlops/contract rules (the ones the local SageMaker applies). Throws SageMakerValidationError
 * listing every violation (exit 2), before any call.
 */
export function prepareTuningPlan(job: { name: string; spec: TuningJobSpec }): TuningPlan {
  return { kind: 'tuning', name: job.name, spec: job.spec, request: prepareTuningJob(job.spec, job.name) };
}
