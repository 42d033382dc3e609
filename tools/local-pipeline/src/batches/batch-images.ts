import type { DockerProbe } from '@mlops/pipeline-core';
import { batchImage } from './docker-run-args';
import { PHASES } from './phases';

/** The batch runner cannot work as asked (no daemon, images missing): exit 2, nothing started. */
export class BatchRunnerUnavailableError extends Error {
  override name = 'BatchRunnerUnavailableError';
  readonly exitCode = 2;
}

/** The command that builds every batch image (and `pipeline-runtime` before them, via ^docker:build). */
export const BUILD_BATCH_IMAGES =
  'npx nx run-many -t docker:build -p ' + PHASES.map((p) => `pipeline-${p}`).join(' ');

/** `--batches docker` needs a daemon and all five `pipeline-<phase>:latest` images, checked before anything starts. */
export async function checkBatchImages(probe: DockerProbe): Promise<void> {
  if (!(await probe.daemonAnswers()))
    throw new BatchRunnerUnavailableError(
      '--batches docker: no Docker daemon answers (`docker version` failed); start dockerd or use --batches process',
    );
  const images = PHASES.map(batchImage);
  const exists = await Promise.all(images.map((i) => probe.imageExists(i)));
  const missing = images.filter((_, i) => !exists[i]);
  if (missing.length > 0)
    throw new BatchRunnerUnavailableError(
      `--batches docker: image(s) ${missing.join(', ')} do not exist; build them with ` +
        `\`${BUILD_BATCH_IMAGES}\` or use --batches process`,
    );
}
