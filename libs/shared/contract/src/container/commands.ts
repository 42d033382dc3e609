/**
 * How a container app's jobs are started, as SageMaker starts them. Training runs the image's CMD
 * (`train`). Processing keeps the image's ENTRYPOINT (tini: forwards signals, reaps zombies) and passes
 * the whole command as ContainerArguments; a ContainerEntrypoint would replace the init and make Node PID 1.
 */
export const PROCESSING_COMMAND = ['node', 'main.js'] as const;

/** ContainerArguments of a processing job that runs `job` (`preprocess`, `evaluation`, `inference`). */
export function processingArguments(job: string): string[] {
  return [...PROCESSING_COMMAND, job];
}
