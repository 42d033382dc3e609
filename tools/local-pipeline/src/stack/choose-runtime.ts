import type { RuntimeOption } from '../cli/parse-args';
import type { DockerProbe } from '@mlops/pipeline-core';

export interface RuntimeDecision {
  runtime: 'docker' | 'process';
  /** One line for the user: why this runtime. */
  reason: string;
}

export class RuntimeUnavailableError extends Error {
  override name = 'RuntimeUnavailableError';
  readonly exitCode = 2;
}

/**
 * docker when a daemon answers AND every model image exists; else process (needs only Node).
 * An explicit `docker` that cannot be honoured is an error rather than a silent fallback.
 */
export async function chooseRuntime(
  requested: RuntimeOption,
  images: readonly string[],
  probe: DockerProbe,
): Promise<RuntimeDecision> {
  if (requested === 'process')
    return { runtime: 'process', reason: 'requested (--runtime process / config)' };
  const daemon = await probe.daemonAnswers();
  const missing = daemon ? await missingImages(images, probe) : [...images];
  if (requested === 'docker') {
    if (!daemon)
      throw new RuntimeUnavailableError(
        'runtime docker requested but no Docker daemon answers (`docker version` failed); ' +
          'start dockerd or use --runtime process',
      );
    if (missing.length > 0)
      throw new RuntimeUnavailableError(
        `runtime docker requested but image(s) ${missing.join(', ')} do not exist; ` +
          'build them with `npx nx run-many -t docker:build -p container-iris container-mpg` or use --runtime process',
      );
    return { runtime: 'docker', reason: 'requested; daemon answers and all images exist' };
  }
  if (!daemon) return { runtime: 'process', reason: 'auto: no Docker daemon answers' };
  if (missing.length > 0)
    return { runtime: 'process', reason: `auto: image(s) missing: ${missing.join(', ')}` };
  return { runtime: 'docker', reason: `auto: daemon answers and images exist (${images.join(', ')})` };
}

async function missingImages(images: readonly string[], probe: DockerProbe): Promise<string[]> {
  const exists = await Promise.all(images.map((i) => probe.imageExists(i)));
  return images.filter((_, idx) => !exists[idx]);
}
