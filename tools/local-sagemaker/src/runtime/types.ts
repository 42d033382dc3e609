import type { JobKind } from '../state/types';

/** A host directory that appears at `containerPath` inside the job's container. */
export interface Mount {
  hostPath: string;
  containerPath: string;
  readOnly?: boolean;
}

export interface HostSpec {
  /** `algo-1` … `algo-N`. */
  host: string;
  /** Host directory laid out as the container's `/opt/ml`. */
  optMlDir: string;
  /** Mounted on top of `/opt/ml` (channels, processing inputs/outputs). */
  mounts: Mount[];
}

export interface RunSpec {
  jobName: string;
  kind: JobKind;
  image: string;
  hosts: HostSpec[];
  /** ContainerEntrypoint / ContainerArguments as in the request. */
  entrypoint?: string[];
  args?: string[];
  env: Record<string, string>;
  gpu: boolean;
  /** SageMaker sends SIGTERM to training containers and SIGINT to processing containers. */
  stopSignal: NodeJS.Signals;
  onOutput(host: string, line: string): void;
}

export interface HostExit {
  host: string;
  exitCode: number | null;
  /** Set when the host could not start at all (bad image, missing app). */
  error?: string;
}

export interface RunHandle {
  done: Promise<HostExit[]>;
  /** Sends the stop signal, then SIGKILL after `graceMs`. */
  stop(graceMs: number): void;
  /** Process ids to kill if the emulator dies (process runtime only). */
  pids(): number[];
}

export interface Runtime {
  readonly name: 'docker' | 'process';
  run(spec: RunSpec): Promise<RunHandle>;
  /** Makes a job dir ours again when a container left root-owned files in it (so we can read and delete them). */
  reclaimDir(dir: string, image: string): Promise<void>;
  /** Removes whatever a dead emulator left behind for this job. */
  removeLeftovers(jobName: string): Promise<void>;
}
