import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { describeEcrImage, parseEcrImage } from '@mlops/aws';
import { appDistPath, imageBaseName } from '@mlops/contract';
import type { DockerProbe } from './docker-probe';

/** Says what is wrong with an image (one sentence with the fix), or undefined when it is there. */
export type ImageCheck = (image: string) => Promise<string | undefined>;

/**
 * The local stack runs an image with Docker (`docker image inspect`) or, on the process runtime, from its
 * built app (`<appsRoot>/apps/<name>/dist`, the local stack's convention). `either` when the runtime is
 * not known yet (a batch run on its own).
 */
export function localImageCheck(
  appsRoot: string,
  probe: DockerProbe,
  runtime: 'docker' | 'process' | 'either',
): ImageCheck {
  return async (image) => {
    const app = appDistPath(image);
    const name = imageBaseName(image);
    if (runtime !== 'docker' && existsSync(join(appsRoot, app))) return undefined;
    if (runtime !== 'process' && (await probe.imageExists(image))) return undefined;
    const build = `npx nx run ${name}:build`;
    const dockerBuild = `npx nx run ${name}:docker:build`;
    if (runtime === 'docker') return `no such Docker image; build it: ${dockerBuild}`;
    if (runtime === 'process') return `its app ${app} is not built; build it: ${build}`;
    return `no such Docker image and no built app ${app}; build it: ${build} (or ${dockerBuild})`;
  };
}

/**
 * On AWS, SageMaker pulls the image from ECR: DescribeImages must find it (needs credentials). The digest
 * it answers is kept in `digests`, so the step cache need not ask ECR again.
 */
export function ecrImageCheck(ecr: ECRClient, digests?: Map<string, string>): ImageCheck {
  return async (image) => {
    const ref = parseEcrImage(image);
    if (!ref)
      return 'is not an ECR image URI; use <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>';
    const lookup = await describeEcrImage(ecr, ref);
    const found = lookup.status;
    if (lookup.status === 'found' && lookup.digest) digests?.set(image, lookup.digest);
    const push = `push it: npx nx run ${imageBaseName(image)}:docker:push (MLOPS_REGISTRY=${image.split('/')[0]})`;
    if (found === 'no-repository') return `ECR repository ${ref.repositoryName} does not exist; ${push}`;
    if (found === 'no-image')
      return `ECR has no image ${ref.imageDigest ?? ref.imageTag} in ${ref.repositoryName}; ${push}`;
    return undefined;
  };
}
