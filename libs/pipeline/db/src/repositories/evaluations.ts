import type { DbSession } from '../db-session';
import { EvaluationVerdict } from '../enum';
import type { EvaluationRow, ModelVersionRow, ThresholdCheck } from '../schema';
import { requireJob } from './jobs';
import { requireModelVersion, setApproval } from './model-versions';
import { assertOneOf, insertedId } from './query-helpers';

export interface RecordEvaluationInput {
  modelVersionId: number;
  metrics: Record<string, number>;
  /** The gate's result per threshold; each check carries its threshold, which is stored too. */
  checks: readonly ThresholdCheck[];
  /** The gate's decision, recorded as given: Passed approves the version, Failed rejects it. */
  verdict: EvaluationVerdict;
  /** SageMaker name of the evaluation job; makes the call idempotent. */
  jobName?: string;
  pipelineRunId?: number | null;
}

export interface EvaluationFilter {
  pipelineRunId?: number;
  modelVersionId?: number;
}

/**
 * Stores the evaluation and the model version's approval (from the verdict) atomically. The decision is
 * the gate's (pipeline-core `applyEvaluationGate`); this only records it. With `jobName`, a repeated call
 * returns the stored result.
 */
export async function recordEvaluation(
  s: DbSession,
  input: RecordEvaluationInput,
): Promise<{ evaluation: EvaluationRow; modelVersion: ModelVersionRow }> {
  assertOneOf('verdict', input.verdict, Object.values(EvaluationVerdict));
  return s.tx(async (m) => {
    const version = await requireModelVersion(s, m, input.modelVersionId);
    const job = input.jobName !== undefined ? await requireJob(s, m, input.jobName) : null;
    if (job) {
      const previous = await m.findOneBy(s.entities.Evaluation, { jobId: job.id });
      if (previous) return { evaluation: previous, modelVersion: version };
    }
    const now = new Date();
    const result = await m.insert(s.entities.Evaluation, {
      modelVersionId: version.id,
      jobId: job?.id ?? null,
      pipelineRunId: input.pipelineRunId ?? null,
      metrics: input.metrics,
      thresholds: input.checks.map(({ metric, op, value }) => ({ metric, op, value })),
      checks: input.checks.map(({ metric, op, value, actual, passed }) => ({
        metric,
        op,
        value,
        actual,
        passed,
      })),
      verdict: input.verdict,
      createdAt: now,
    });
    const modelVersion = await setApproval(s, m, version.id, input.verdict === EvaluationVerdict.Passed, now);
    return {
      evaluation: await m.findOneByOrFail(s.entities.Evaluation, { id: insertedId(result) }),
      modelVersion,
    };
  });
}

export async function listEvaluations(s: DbSession, filter: EvaluationFilter = {}): Promise<EvaluationRow[]> {
  const where: { pipelineRunId?: number; modelVersionId?: number } = {};
  if (filter.pipelineRunId !== undefined) where.pipelineRunId = filter.pipelineRunId;
  if (filter.modelVersionId !== undefined) where.modelVersionId = filter.modelVersionId;
  return s.read((m) => m.find(s.entities.Evaluation, { where, order: { id: 'ASC' } }));
}
