import type {
  DbAdapter,
  EvaluationRow,
  EvaluationVerdict,
  ModelVersionRow,
  PipelineRunRow,
  ThresholdCheck,
} from '@mlops/db';
import { ModelApprovalStatus } from '@mlops/db';

export interface MetricDelta {
  metric: string;
  current: number | null;
  baseline: number | null;
  /** current − baseline; null when either is missing. */
  delta: number | null;
}

/** This run's model against the version that was approved before this run's gate. */
export interface RunComparison {
  current: { version: number; approvalStatus: string; verdict: EvaluationVerdict; checks: ThresholdCheck[] };
  /** Null when no version was approved before this run (the first approved model). */
  baseline: {
    version: number;
    /** The run that trained it, when recorded. */
    runId: string | null;
    /** `run-<run-id>.html` when that report exists next to this one. */
    reportFile: string | null;
  } | null;
  deltas: MetricDelta[];
}

/**
 * The comparison for one model of one run: this run's evaluated version, and the highest version
 * approved before this run's evaluation was recorded (what inference used until then), with the
 * metric deltas of their evaluations. Null when this run evaluated no version.
 */
export async function collectComparison(
  db: DbAdapter,
  model: string,
  evaluations: readonly EvaluationRow[],
  versions: readonly ModelVersionRow[],
  reportFileFor: (runId: string) => string | null,
): Promise<RunComparison | null> {
  const evaluation = evaluations[evaluations.length - 1];
  if (!evaluation) return null;
  const current = versions.find((v) => v.id === evaluation.modelVersionId);
  if (!current) return null;
  const gateTime = evaluation.createdAt.getTime();
  const baseline = versions
    .filter(
      (v) =>
        v.id !== current.id &&
        v.approvalStatus === ModelApprovalStatus.Approved &&
        v.approvedAt !== null &&
        v.approvedAt.getTime() <= gateTime,
    )
    .sort((a, b) => b.version - a.version)[0];
  const baselineEvaluation = baseline
    ? (await db.listEvaluations({ modelVersionId: baseline.id }))
        .filter((ev) => ev.verdict === 'Passed')
        .pop()
    : undefined;
  const runId = baseline ? await trainingRunId(db, model, baseline) : null;
  return {
    current: {
      version: current.version,
      approvalStatus: current.approvalStatus,
      verdict: evaluation.verdict,
      checks: evaluation.checks,
    },
    baseline: baseline
      ? { version: baseline.version, runId, reportFile: runId === null ? null : reportFileFor(runId) }
      : null,
    deltas: metricDeltas(evaluation.metrics, baselineEvaluation?.metrics ?? {}),
  };
}

export function metricDeltas(
  current: Record<string, number>,
  baseline: Record<string, number>,
): MetricDelta[] {
  const names = [...new Set([...Object.keys(current), ...Object.keys(baseline)])].sort();
  return names.map((metric) => {
    const c = Object.hasOwn(current, metric) ? current[metric] : null;
    const b = Object.hasOwn(baseline, metric) ? baseline[metric] : null;
    return { metric, current: c, baseline: b, delta: c !== null && b !== null ? c - b : null };
  });
}

async function trainingRunId(db: DbAdapter, model: string, version: ModelVersionRow): Promise<string | null> {
  if (version.trainingJobId === null) return null;
  const job = (await db.listJobs({ modelName: model })).find((j) => j.id === version.trainingJobId);
  if (!job || job.pipelineRunId === null) return null;
  const run: PipelineRunRow | undefined = (await db.listPipelineRuns({ modelName: model })).find(
    (r) => r.id === job.pipelineRunId,
  );
  return run?.runId ?? null;
}
