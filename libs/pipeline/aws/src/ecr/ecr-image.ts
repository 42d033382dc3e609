import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';

/** The parts of an ECR image URI: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>[:tag|@digest]`. */
export interface EcrImageRef {
  registryId: string;
  region: string;
  repositoryName: string;
  imageTag?: string;
  imageDigest?: string;
}

const ECR_URI =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]*?)(?::([\w][\w.-]{0,127})|@(sha256:[a-f0-9]{64}))?$/;

/** The ECR parts of an image URI, or undefined when it is not an ECR URI. No tag means `latest`, as docker reads it. */
export function parseEcrImage(image: string): EcrImageRef | undefined {
  const m = ECR_URI.exec(image);
  if (!m) return undefined;
  return {
    registryId: m[1],
    region: m[2],
    repositoryName: m[3],
    ...(m[5] ? { imageDigest: m[5] } : { imageTag: m[4] ?? 'latest' }),
  };
}

/** Whether ECR holds the image (DescribeImages): `found`, or which part is missing. */
export async function findEcrImage(
  ecr: ECRClient,
  ref: EcrImageRef,
): Promise<'found' | 'no-repository' | 'no-image'> {
  try {
    await ecr.send(
      new DescribeImagesCommand({
        registryId: ref.registryId,
        repositoryName: ref.repositoryName,
        imageIds: [ref.imageDigest ? { imageDigest: ref.imageDigest } : { imageTag: ref.imageTag }],
      }),
    );
    return 'found';
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'RepositoryNotFoundException') return 'no-repository';
    if (name === 'ImageNotFoundException') return 'no-image';
    throw err;
  }
}
