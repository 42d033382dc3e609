import { createEcrClient, ecrImageDigest, parseEcrImage } from '@mlops/aws';
import type { MlopsConfig } from '@mlops/config-reader';
import { imageDigestFor } from './image-digest';

/**
 * Adds the ECR digest of every tagged ECR image whose digest is not known yet (AWS environments: the
 * config names `<account>.dkr.ecr…/<repo>:<tag>`). No ECR image → no client, no call (the local stack).
 */
export async function withEcrDigests(
  config: MlopsConfig,
  images: readonly string[],
  known: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const missing = [...new Set(images)].filter(
    (image) => imageDigestFor(image, known) === undefined && parseEcrImage(image) !== undefined,
  );
  const out = { ...known };
  if (missing.length === 0) return out;
  const aws = config.aws;
  const ecr = createEcrClient({
    region: aws.region,
    ...(aws.endpoints.ecr ? { endpoint: aws.endpoints.ecr } : {}),
    maxAttempts: aws.maxAttempts,
    retryMode: aws.retryMode,
  });
  try {
    for (const image of missing) {
      const digest = await ecrImageDigest(ecr, image);
      if (digest !== undefined) out[image] = digest;
    }
  } finally {
    ecr.destroy();
  }
  return out;
}
