import type { Threshold } from '@mlops/contract';
import type { DbAdapter, EvaluationRow, ModelVersionRow } from '@mlops/db';
import { checkThresholds } from './check-thresholds';

export interface GateInput {
  modelVersionId: number;
  metrics: Record<string, number>;
  thresholds: readonly Threshold[];
  /** The evaluation job; makes a rerun return the stored verdict instead of a second evaluation. */
  jobName: string;
  pipelineRunId: number;
}

export interface GateResult {
  approved: boolean;
  evaluation: EvaluationRow;
  modelVersion: ModelVersionRow;
}

/**
 * The evaluation gate: every configured threshold must pass for the model version to be Approved,
 * otherwise it is Rejected. A metric the evaluation did not produce fails its check (never approves).
 * The decision is made here; the database records it with the evaluation, atomically.
 */
export async function applyEvaluationGate(db: DbAdapter, input: GateInput): Promise<GateResult> {
  const { verdict, checks } = checkThresholds(input.metrics, input.thresholds);
  const { evaluation, modelVersion } = await db.recordEvaluation({
    modelVersionId: input.modelVersionId,
    metrics: input.metrics,
    checks,
    verdict,
    jobName: input.jobName,
    pipelineRunId: input.pipelineRunId,
  });
  return { approved: modelVersion.approvalStatus === 'Approved', evaluation, modelVersion };
}

/** `accuracy 0.967 >= 0.9 ✓` lines for the console. */
export function formatChecks(evaluation: EvaluationRow): string[] {
  return evaluation.checks.map(
    (c) =>
      `${c.metric} ${c.actual === null ? '(missing)' : String(c.actual)} ${c.op} ${c.value} ${c.passed ? 'pass' : 'FAIL'}`,
  );
}
