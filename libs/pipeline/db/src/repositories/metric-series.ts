import { In } from 'typeorm';
import type { DbSession } from '../db-session';
import type { MetricPointRow } from '../experiments/experiment-schema';
import { requireJob } from './jobs';

export interface MetricPointInput {
  metric: string;
  step: number;
  value: number;
  /** Epoch ms or a Date. */
  timestamp: number | Date;
}

/** Replaces a job's whole series in one transaction, so a rerun never duplicates points. */
export async function replaceMetricSeries(
  s: DbSession,
  jobName: string,
  points: readonly MetricPointInput[],
): Promise<number> {
  for (const p of points)
    if (!Number.isFinite(p.value) || !Number.isInteger(p.step))
      throw new RangeError(
        `metric point ${p.metric} step=${p.step} value=${p.value}: needs an integer step and a finite value`,
      );
  return s.tx(async (m) => {
    const job = await requireJob(s, m, jobName);
    await m.delete(s.entities.MetricPoint, { jobId: job.id });
    // Chunked: SQLite caps the bound parameters of one statement.
    for (let i = 0; i < points.length; i += 100)
      await m.insert(
        s.entities.MetricPoint,
        points.slice(i, i + 100).map((p) => ({
          jobId: job.id,
          metric: p.metric,
          step: p.step,
          value: p.value,
          timestamp: p.timestamp instanceof Date ? p.timestamp : new Date(p.timestamp),
        })),
      );
    return points.length;
  });
}

/** The series of the given jobs (by job id), ordered by job, metric, step. */
export async function listMetricPoints(s: DbSession, jobIds: readonly number[]): Promise<MetricPointRow[]> {
  if (jobIds.length === 0) return [];
  return s.read(
    async (m) =>
      (await m.find(s.entities.MetricPoint, {
        where: { jobId: In([...jobIds]) },
        order: { jobId: 'ASC', metric: 'ASC', step: 'ASC', id: 'ASC' },
      })) as MetricPointRow[],
  );
}
