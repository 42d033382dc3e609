import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { describeJob } from '@mlops/aws';
import type { JobDescription, JobKind } from '@mlops/aws';

/** The job, or undefined when SageMaker does not know the name (the resume check). */
export async function describeIfExists(
  sm: SageMakerClient,
  kind: JobKind,
  name: string,
): Promise<JobDescription | undefined> {
  try {
    return await describeJob(sm, kind, name);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

// SageMaker (and the local stack, which answers as it does) refuses an unknown job name with
// ValidationException "Requested resource not found.", not the ResourceNotFound its API model lists.
function isNotFound(err: unknown): boolean {
  const { name, message } = (err ?? {}) as { name?: string; message?: string };
  return name === 'ValidationException' && /^Requested resource not found\b/.test(message ?? '');
}
