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

// AWS answers an unknown job name with ValidationException "Requested resource not found"; the local
// emulator (like other newer APIs) with ResourceNotFound.
function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'ResourceNotFound') return true;
  return name === 'ValidationException' && /not found|does not exist/i.test((err as Error).message);
}
