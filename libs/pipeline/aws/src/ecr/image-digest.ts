import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>:<tag>` */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@]+):([\w][\w.-]{0,127})$/;

/** The ECR parts of a tagged image URI, or undefined for any other image (a local tag, a digest-pinned URI). */
export function parseEcrImage(
  image: string,
): { registryId: string; repository: string; tag: string } | undefined {
  const m = ECR_IMAGE.exec(image);
  return m ? { registryId: m[1], repository: m[2], tag: m[3] } : undefined;
}

/**
 * The content digest (`sha256:…`) ECR holds for a tagged image, or undefined when the image is not an
 * ECR URI or the tag does not exist (the caller then treats the digest as unknown).
 */
export async function ecrImageDigest(ecr: ECRClient, image: string): Promise<string | undefined> {
  const parts = parseEcrImage(image);
  if (!parts) return undefined;
  try {
    const res = await ecr.send(
      new DescribeImagesCommand({
        registryId: parts.registryId,
        repositoryName: parts.repository,
        imageIds: [{ imageTag: parts.tag }],
      }),
    );
    return res.imageDetails?.[0]?.imageDigest;
  } catch (err) {
    if ((err as { name?: string }).name === 'ImageNotFoundException') return undefined;
    throw err;
  }
}
