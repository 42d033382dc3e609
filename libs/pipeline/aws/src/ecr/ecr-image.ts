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

export type EcrImageLookup =
  { status: 'found'; digest?: string } | { status: 'no-repository' } | { status: 'no-image' };

/** DescribeImages for one image: found (with its digest), or which part is missing. Other errors are thrown. */
export async function describeEcrImage(ecr: ECRClient, ref: EcrImageRef): Promise<EcrImageLookup> {
  try {
    const res = await ecr.send(
      new DescribeImagesCommand({
        registryId: ref.registryId,
        repositoryName: ref.repositoryName,
        imageIds: [ref.imageDigest ? { imageDigest: ref.imageDigest } : { imageTag: ref.imageTag }],
      }),
    );
    return { status: 'found', digest: res.imageDetails?.[0]?.imageDigest };
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'RepositoryNotFoundException') return { status: 'no-repository' };
    if (name === 'ImageNotFoundException') return { status: 'no-image' };
    throw err;
  }
}

/**
 * The content digest (`sha256:…`) of an image for the step cache: the pinned digest of a `@sha256:` URI,
 * ECR's digest of a tagged ECR URI, undefined for any other image or a tag ECR does not hold.
 */
export async function ecrImageDigest(ecr: ECRClient, image: string): Promise<string | undefined> {
  const ref = parseEcrImage(image);
  if (!ref) return undefined;
  if (ref.imageDigest) return ref.imageDigest;
  const found = await describeEcrImage(ecr, ref);
  return found.status === 'found' ? found.digest : undefined;
}
