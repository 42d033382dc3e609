import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { JobKind, JobRecord, TERMINAL } from './types';

/** Map key of a job name: the service treats names that differ only in letter case as the same name. */
const key = (name: string) => name.toLowerCase();

/** Progress-only changes reach disk at most this late; they are batched so a short job is not a dozen writes. */
const FLUSH_DELAY_MS = 50;

/**
 * Jobs as JSON files under `<stateDir>/jobs/<kind>/<name>.json`, cached in memory. The cache is the source of
 * truth while the emulator runs. What a restart needs is written at once: a new job (names stay taken), how
 * to find its processes (so they can be followed or ended) and the terminal state. Progress in between (secondary status, timings) is
 * written within {@link FLUSH_DELAY_MS}; a restarted emulator recomputes what matters of it.
 */
export class JobStore {
  private readonly dirty = new Set<JobRecord>();
  private timer: NodeJS.Timeout | undefined;

  private readonly jobs: Record<JobKind, Map<string, JobRecord>> = {
    training: new Map(),
    processing: new Map(),
  };

  constructor(private readonly stateDir: string) {
    for (const kind of ['training', 'processing'] as JobKind[]) {
      const dir = this.dir(kind);
      mkdirSync(dir, { recursive: true });
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const path = join(dir, file);
        let job: JobRecord;
        try {
          job = JSON.parse(readFileSync(path, 'utf8')) as JobRecord;
        } catch (err) {
          throw new Error(`Corrupt job state file ${path}: ${(err as Error).message}`);
        }
        this.jobs[kind].set(key(job.name), job);
      }
    }
  }

  /** The job of that name in any letter case (SageMaker names are unique case-insensitively). */
  get(kind: JobKind, name: string): JobRecord | undefined {
    return this.jobs[kind].get(key(name));
  }

  list(kind: JobKind): JobRecord[] {
    return [...this.jobs[kind].values()];
  }

  /** Inserts a new job; returns false when the name is taken, in any letter case. */
  insert(job: JobRecord): boolean {
    if (this.jobs[job.kind].has(key(job.name))) return false;
    this.jobs[job.kind].set(key(job.name), job);
    this.flush(job);
    return true;
  }

  update(job: JobRecord, change: Partial<JobRecord>): JobRecord {
    Object.assign(job, change, { lastModifiedTime: Date.now() });
    if (
      TERMINAL.includes(job.status) ||
      change.run !== undefined ||
      change.workDir !== undefined ||
      change.status !== undefined
    ) {
      this.dirty.delete(job);
      this.flush(job);
    } else {
      this.dirty.add(job);
      this.timer ??= setTimeout(() => this.flushPending(), FLUSH_DELAY_MS).unref();
    }
    return job;
  }

  /** Writes every change not on disk yet (also called on close). */
  flushPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const job of this.dirty) this.flush(job);
    this.dirty.clear();
  }

  /** Jobs left running by an emulator instance other than `runnerId` (it crashed or was killed). */
  orphans(runnerId: string): JobRecord[] {
    return [...this.list('training'), ...this.list('processing')].filter(
      (j) => !TERMINAL.includes(j.status) && j.runnerId !== runnerId,
    );
  }

  private flush(job: JobRecord): void {
    writeFileAtomic(join(this.dir(job.kind), `${job.name}.json`), JSON.stringify(job, null, 1));
  }

  private dir(kind: JobKind): string {
    return join(this.stateDir, 'jobs', kind);
  }

  static exists(stateDir: string): boolean {
    return existsSync(join(stateDir, 'jobs'));
  }
}
