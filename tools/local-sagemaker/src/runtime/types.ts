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

/** One host of a process-runtime job: its supervisor (pid + start time) and the files it writes. */
export interface HostProcess {
  host: string;
  pid: number;
  startTime: string;
  /** The host's stdout + stderr, appended by the job itself (so it outlives the emulator). */
  outFile: string;
  /** Written by the supervisor when the host's command ends: its exit status. */
  exitFile: string;
}

/** What a restarted emulator needs to find a job's processes again (persisted in the job record). */
export interface RunRecord {
  /** Random value in the environment of every process of the job: the proof that a process is the job's. */
  token: string;
  hosts: HostProcess[];
}

export interface RunHandle {
  done: Promise<HostExit[]>;
  /** Sends the stop signal, then SIGKILL after `graceMs`, to every process of the job. */
  stop(graceMs: number): void;
  /** How to find the job again after an emulator restart (process runtime only). */
  record(): RunRecord | undefined;
}

export interface Runtime {
  readonly name: 'docker' | 'process';
  run(spec: RunSpec): Promise<RunHandle>;
  /** Makes a job dir ours again when a container left root-owned files in it (so we can read and delete them). */
  reclaimDir(dir: string, image: string): Promise<void>;
  /** Follows the processes of a job that a dead emulator started; undefined when that is impossible. */
  adopt(spec: RunSpec, record: RunRecord | undefined): RunHandle | undefined;
  /** Ends and removes whatever a dead emulator left behind for this job. */
  removeLeftovers(jobName: string, record: RunRecord | undefined): Promise<void>;
}
