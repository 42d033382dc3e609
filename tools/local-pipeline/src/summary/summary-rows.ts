import type { JobRow } from '@mlops/db';
import type { BatchResult } from '../batches/run-batch';
import { PHASES, Phase } from '../batches/phases';
import type { ModelRunData } from '../report/report-data';
import { cachedLabel } from '../report/sections/cache-badge';
import { formatMetrics } from './format-metrics';

export interface SummaryRow {
  model: string;
  phase: Phase;
  /** SageMaker job name(s), '-' for collection (no job). */
  job: string;
  /** Wall time of the batch process; null when it did not run. */
  batchMs: number | null;
  /** StartTime → EndTime of the job as recorded; null without a finished job. */
  jobMs: number | null;
  metrics: string;
  verdict: string;
  ok: boolean;
  /** FailureReason or the batch's last error lines, for a failed phase. */
  failure?: string;
}

/** One row per model × phase, from the orchestrator's batch results and the run's DB rows. */
export function buildSummaryRows(
  models: readonly ModelRunData[],
  batches: readonly BatchResult[],
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const m of models) {
    for (const phase of PHASES) {
      const batch = [...batches].reverse().find((b) => b.model === m.model && b.phase === phase);
      const all = m.jobs.filter((j) => j.batch === phase);
      // A tuned training phase is summarised by its best trial (the model's job), not by every trial.
      const best = phase === 'training' ? m.trials.find((t) => t.best) : undefined;
      const jobs = best ? all.filter((j) => j.id === best.jobId) : all;
      rows.push(buildRow(m, phase, batch, jobs));
    }
  }
  return rows;
}

function buildRow(m: ModelRunData, phase: Phase, batch: BatchResult | undefined, jobs: JobRow[]): SummaryRow {
  const job = jobs[jobs.length - 1];
  const jobMs = job?.startedAt && job.endedAt ? job.endedAt.getTime() - job.startedAt.getTime() : null;
  const base = {
    model: m.model,
    phase,
    job: jobs.length > 0 ? jobs.map((j) => j.sagemakerName).join(', ') : '-',
    batchMs: batch?.durationMs ?? null,
    jobMs,
    metrics: keyMetrics(m, phase, jobs),
  };
  if (!batch) return { ...base, verdict: 'not run', ok: false };
  if (batch.exitCode !== 0) {
    const verdict = batch.signal ? `killed (${batch.signal})` : `FAILED (exit ${batch.exitCode ?? '?'})`;
    const failure = job?.failureReason ?? (batch.lastErrorLines.join(' | ') || undefined);
    return {
      ...base,
      verdict: job && job.status !== 'Completed' ? `${job.status}` : verdict,
      ok: false,
      failure,
    };
  }
  const cached = job ? m.cached.find((c) => c.jobName === job.sagemakerName) : undefined;
  if (phase === 'evaluation') {
    const evaluation = m.evaluations[m.evaluations.length - 1];
    if (evaluation) {
      const version = m.modelVersions.find((v) => v.id === evaluation.modelVersionId);
      const approval = version ? ` → v${version.version} ${version.approvalStatus}` : '';
      const reuse = cached ? ` · ${cachedLabel(cached)}` : '';
      return { ...base, verdict: `${evaluation.verdict}${approval}${reuse}`, ok: true };
    }
  }
  if (cached) return { ...base, verdict: cachedLabel(cached), ok: true };
  return { ...base, verdict: job ? job.status : 'ok', ok: true };
}

function keyMetrics(m: ModelRunData, phase: Phase, jobs: JobRow[]): string {
  if (phase === 'evaluation' && m.evaluations.length > 0)
    return formatMetrics(m.evaluations[m.evaluations.length - 1].metrics);
  if (phase === 'inference' && m.inferenceRuns.length > 0) {
    const run = m.inferenceRuns[m.inferenceRuns.length - 1];
    return run.recordCount !== null ? `records=${run.recordCount}` : '';
  }
  return formatMetrics(jobs[jobs.length - 1]?.metrics);
}
