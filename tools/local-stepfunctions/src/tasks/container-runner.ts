/** One ECS task's container, as the local run starts it. */
export interface ContainerRun {
  /** Unique per execution and task, so a container left by a killed run can be found by name. */
  name: string;
  image: string;
  /** The container command (ContainerOverrides `Command`); the image's entrypoint runs it. */
  command: string[];
  /** ContainerOverrides `Environment`: set in the container on top of the forwarded host env. */
  environment: Record<string, string>;
  labels: Record<string, string>;
}

/**
 * How it ended. `started: false` is a task that never ran its container (no such image, daemon error):
 * ECS reports those without an exit code (StopCode TaskFailedToStart), so the state machine sees the same.
 */
export interface ContainerResult {
  started: boolean;
  /** null when the container was killed by a signal of the runner. */
  exitCode: number | null;
  /** Why it did not start, or the last error line. */
  reason?: string;
}

/** The boundary of the ECS task handler: the docker runner in production, a fake in unit tests. */
export type ContainerRunner = (run: ContainerRun) => Promise<ContainerResult>;
