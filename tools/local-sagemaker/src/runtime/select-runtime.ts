import { dockerAvailable } from './docker-cli';
import { DockerRuntime } from './docker-runtime';
import { ProcessRuntime, ProcessRuntimeOptions } from './process-runtime';
import { Runtime } from './types';

export type RuntimeChoice = 'auto' | 'docker' | 'process';

/** `auto` = docker when a daemon answers, else process. Asking for docker without a daemon is an error. */
export async function selectRuntime(
  choice: RuntimeChoice,
  processOptions: ProcessRuntimeOptions,
): Promise<Runtime> {
  if (choice === 'process') return new ProcessRuntime(processOptions);
  const hasDocker = await dockerAvailable();
  if (choice === 'docker') {
    if (!hasDocker)
      throw new Error('runtime "docker" requested but no Docker daemon answers (`docker version` failed)');
    return new DockerRuntime();
  }
  if (choice !== 'auto') throw new Error(`Unknown runtime '${String(choice)}': use auto, docker or process`);
  return hasDocker ? new DockerRuntime() : new ProcessRuntime(processOptions);
}
