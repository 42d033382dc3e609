import type { JobStore } from '../state/job-store';
import type { JobKind, JobRecord } from '../state/types';

/** What the API handlers need from the emulator. */
export interface ApiDeps {
  store: JobStore;
  region: string;
  runnerId: string;
  runtimeName: string;
  /** Throws an ApiError when this emulator cannot run the job at all (checked before it is created). */
  admit(job: JobRecord): void;
  /** Starts the job's run in the background. */
  launch(job: JobRecord, adopt?: boolean): void;
  /** Asks a running job to stop. */
  stop(kind: JobKind, name: string): void;
}
