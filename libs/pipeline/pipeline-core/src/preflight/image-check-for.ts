import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEcrClient } from '@mlops/aws';
import type { MlopsConfig } from '@mlops/config-reader';
import { endpointConfig } from '../context/clients';
import { ecrImageCheck, ImageCheck, localImageCheck } from './check-images';
import type { DockerProbe } from './docker-probe';
import { isLocalEndpoint } from './endpoints';

/**
 * Set to `checked` by an orchestrator (tools/local-pipeline) that ran the image check for all its batches
 * before starting them: the batches then skip theirs.
 */
export const IMAGES_CHECKED_ENV = 'MLOPS_PREFLIGHT_IMAGES';

export interface ImageCheckOptions {
  /** Root of `apps/<name>/dist` for the process runtime (the workspace). */
  appsRoot: string;
  probe: DockerProbe;
  /** The local stack's runtime when known. */
  runtime?: 'docker' | 'process';
}

/**
 * The local stack's image check for a local SageMaker endpoint, else ECR's (the network is used only then).
 * Locally, a batch outside a checkout (in its `pipeline-<phase>` container: no `apps/`, no Docker CLI)
 * cannot see what the stack runs: no check (`check` undefined); its orchestrator checked before starting it.
 */
export function imageCheckFor(
  config: MlopsConfig,
  options: ImageCheckOptions,
): {
  check: ImageCheck | undefined;
  /** ECR digests of the images the check found (AWS only): the step cache's image digests. */
  digests: ReadonlyMap<string, string>;
  close(): void;
} {
  const digests = new Map<string, string>();
  if (isLocalEndpoint(config.aws.endpoints.sagemaker))
    return {
      check: existsSync(join(options.appsRoot, 'apps'))
        ? localImageCheck(options.appsRoot, options.probe, options.runtime ?? 'either')
        : undefined,
      digests,
      close: () => undefined,
    };
  const ecr = createEcrClient(endpointConfig(config, config.aws.endpoints.ecr));
  return { check: ecrImageCheck(ecr, digests), digests, close: () => ecr.destroy() };
}
