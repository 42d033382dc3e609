import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../state/atomic-write';
import type { JobStatus } from '../state/types';
import { TERMINAL } from '../state/types';
import type { CreateTuningJobRequest } from './tuning-request';

export interface Trial {
  /** Child training job. */
  name: string;
  /** The values drawn from ParameterRanges (TunedHyperParameters). */
  tuned: Record<string, string>;
}

/** One persisted tuning job. Times are epoch milliseconds. */
export interface TuningRecord {
  name: string;
  arn: string;
  request: CreateTuningJobRequest;
  status: JobStatus;
  creationTime: number;
  lastModifiedTime: number;
  endTime?: number;
  failureReason?: string;
  trials: Trial[];
  runnerId: string;
}

/** Tuning jobs as JSON files under `<stateDir>/jobs/hyper-parameter-tuning/<name>.json`, cached in memory.
 *  Every change is written at once: a tuning job changes only when it launches or ends a trial. */
export class TuningStore {
  private readonly jobs = new Map<string, TuningRecord>();
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'jobs', 'hyper-parameter-tuning');
    mkdirSync(this.dir, { recursive: true });
    for (const file of readdirSync(this.dir).filter((f) => f.endsWith('.json'))) {
      const path = join(this.dir, file);
      try {
        const job = JSON.parse(readFileSync(path, 'utf8')) as TuningRecord;
        this.jobs.set(job.name, job);
      } catch (err) {
        throw new Error(`Corrupt tuning job state file ${path}: ${(err as Error).message}`);
      }
    }
  }

  get(name: string): TuningRecord | undefined {
    return this.jobs.get(name);
  }

  list(): TuningRecord[] {
    return [...this.jobs.values()];
  }

  /** Inserts a new tuning job; returns false when the name is taken. */
  insert(job: TuningRecord): boolean {
    if (this.jobs.has(job.name)) return false;
    this.jobs.set(job.name, job);
    this.write(job);
    return true;
  }

  update(job: TuningRecord, change: Partial<TuningRecord>): void {
    Object.assign(job, change, { lastModifiedTime: Date.now() });
    this.write(job);
  }

  /** Tuning jobs a dead emulator left running end Failed (nothing resumes their search); returns them so their
   *  re-adopted trials can be stopped. */
  failOrphans(runnerId: string): TuningRecord[] {
    const orphans = this.list().filter((job) => !TERMINAL.includes(job.status) && job.runnerId !== runnerId);
    for (const job of orphans)
      this.update(job, {
        status: 'Failed',
        endTime: Date.now(),
        failureReason:
          'InternalServerError: the local-sagemaker emulator running this tuning job stopped (runner died)',
      });
    return orphans;
  }

  private write(job: TuningRecord): void {
    writeFileAtomic(join(this.dir, `${job.name}.json`), JSON.stringify(job, null, 1));
  }
}
