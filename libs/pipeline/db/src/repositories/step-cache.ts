import type { DbSession } from '../db-session';
import { DbConflictError } from '../errors';
import type { JobRow } from '../schema';
import type { StepCacheRow } from '../step-cache/step-cache-schema';
import { requireJob } from './jobs';
import { insertedId } from './query-helpers';

export interface RecordStepCacheInput {
  cacheKey: string;
  /** SageMaker name of this run's job. */
  jobName: string;
  /** SageMaker name of the job whose outputs this job reused (cache hit); omitted when it ran. */
  sourceJobName?: string;
  /** Output name → S3 URI of this job's outputs. */
  outputs: Record<string, string>;
}

/** A reusable earlier step: its entry, and the job that really ran (the origin of the outputs). */
export interface StepCacheHit {
  entry: StepCacheRow;
  origin: JobRow;
}

/** A job of a run that reused another job's outputs. */
export interface CachedJobInfo {
  jobName: string;
  sourceJobName: string;
  /** The `--run-id` of the source job's run, when it belongs to one. */
  sourceRunId: string | null;
}

const KEY = /^[0-9a-f]{64}$/;

/** Idempotent per job: a rerun of the same step returns the entry it wrote before. */
export async function recordStepCache(s: DbSession, input: RecordStepCacheInput): Promise<StepCacheRow> {
  if (!KEY.test(input.cacheKey))
    throw new DbConflictError(`Invalid cacheKey ${JSON.stringify(input.cacheKey)}; expected sha256 hex`);
  return s.tx(async (m) => {
    const job = await requireJob(s, m, input.jobName);
    const existing = await m.findOneBy(s.entities.StepCacheEntry, { jobId: job.id });
    if (existing) return existing;
    const source =
      input.sourceJobName !== undefined ? await requireJob(s, m, input.sourceJobName) : undefined;
    const result = await m.insert(s.entities.StepCacheEntry, {
      cacheKey: input.cacheKey,
      jobId: job.id,
      sourceJobId: source?.id ?? null,
      outputs: input.outputs,
      createdAt: new Date(),
    });
    return m.findOneByOrFail(s.entities.StepCacheEntry, { id: insertedId(result) });
  });
}

/** The newest entry with this key whose job completed, or null. */
export async function findStepCache(s: DbSession, cacheKey: string): Promise<StepCacheHit | null> {
  return s.read(async (m) => {
    const entries = await m.find(s.entities.StepCacheEntry, { where: { cacheKey }, order: { id: 'DESC' } });
    for (const entry of entries) {
      const job = await m.findOneBy(s.entities.Job, { id: entry.jobId });
      if (job?.status !== 'Completed') continue;
      const origin: JobRow | null =
        entry.sourceJobId === null ? job : await m.findOneBy(s.entities.Job, { id: entry.sourceJobId });
      if (origin) return { entry, origin };
    }
    return null;
  });
}

/** The jobs of a pipeline run that reused earlier outputs, with where those came from. */
export async function listCachedJobs(s: DbSession, pipelineRunId: number): Promise<CachedJobInfo[]> {
  return s.read(async (m) => {
    const jobs = await m.find(s.entities.Job, { where: { pipelineRunId }, order: { id: 'ASC' } });
    const out: CachedJobInfo[] = [];
    for (const job of jobs) {
      const entry = await m.findOneBy(s.entities.StepCacheEntry, { jobId: job.id });
      if (!entry || entry.sourceJobId === null) continue;
      const source = await m.findOneByOrFail(s.entities.Job, { id: entry.sourceJobId });
      const run =
        source.pipelineRunId === null
          ? null
          : await m.findOneBy(s.entities.PipelineRun, { id: source.pipelineRunId });
      out.push({
        jobName: job.sagemakerName,
        sourceJobName: source.sagemakerName,
        sourceRunId: run?.runId ?? null,
      });
    }
    return out;
  });
}
