import type { JobPlan } from '../specs/job-plan';

/**
 * Where a job writes, as output name → S3 prefix: a processing job's outputs; a training job's own
 * prefix under S3OutputPath (`<path>/<job-name>/`, holding output/model.tar.gz) and its checkpoints.
 * A reused step copies each of these from the earlier job's to its own.
 */
export function stepOutputs(plan: JobPlan): Record<string, string> {
  if (plan.kind === 'processing')
    return Object.fromEntries(
      (plan.request.ProcessingOutputConfig?.Outputs ?? []).flatMap((o) =>
        o.OutputName !== undefined && o.S3Output?.S3Uri !== undefined
          ? [[o.OutputName, o.S3Output.S3Uri]]
          : [],
      ),
    );
  const path = plan.request.OutputDataConfig?.S3OutputPath ?? '';
  const checkpoints = plan.request.CheckpointConfig?.S3Uri;
  return {
    job: `${path.endsWith('/') ? path : `${path}/`}${plan.name}/`,
    ...(checkpoints !== undefined ? { checkpoints } : {}),
  };
}

/** SageMaker's ModelArtifacts.S3ModelArtifacts for a training job's prefix. */
export function modelArtifactsUri(jobPrefix: string): string {
  return `${jobPrefix}output/model.tar.gz`;
}
