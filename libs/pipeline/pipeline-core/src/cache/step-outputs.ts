import type { JobPlan } from '../specs/job-plan';

/**
 * Where a job writes, as output name → S3 prefix: a processing job's outputs; a training job's own
 * prefix under S3OutputPath (`<path>/<job-name>/`, holding output/model.tar.gz) and its checkpoints.
 * A reused step copies each of these from the earlier job's to its own.
 */
export function stepOutputs(plan: JobPlan): Record<string, string> {
  if (plan.kind === 'processing')
    return Object.fromEntries((plan.spec.outputs ?? []).map((o) => [o.name, o.s3Uri]));
  const base = plan.spec.outputPath.endsWith('/') ? plan.spec.outputPath : `${plan.spec.outputPath}/`;
  return {
    job: `${base}${plan.name}/`,
    ...(plan.spec.checkpoint ? { checkpoints: plan.spec.checkpoint.s3Uri } : {}),
  };
}

/** SageMaker's ModelArtifacts.S3ModelArtifacts for a training job's prefix. */
export function modelArtifactsUri(jobPrefix: string): string {
  return `${jobPrefix}output/model.tar.gz`;
}
