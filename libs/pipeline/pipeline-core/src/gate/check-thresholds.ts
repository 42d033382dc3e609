import type { Threshold, ThresholdOp } from '@mlops/contract';
import { EvaluationVerdict, type ThresholdCheck } from '@mlops/db';

const COMPARE: Record<ThresholdOp, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '==': (a, b) => a === b,
};

/**
 * The gate's decision: checks metrics against every threshold; Passed only when all pass. A missing or
 * non-finite metric fails its check, so a broken evaluation job can never approve a model.
 */
export function checkThresholds(
  metrics: Record<string, number>,
  thresholds: readonly Threshold[],
): { verdict: EvaluationVerdict; checks: ThresholdCheck[] } {
  if (thresholds.length === 0) throw new Error('checkThresholds: at least one threshold is required');
  const checks = thresholds.map((t): ThresholdCheck => {
    const raw = Object.prototype.hasOwnProperty.call(metrics, t.metric) ? metrics[t.metric] : undefined;
    const actual = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const compare = COMPARE[t.op];
    if (!compare)
      throw new Error(`checkThresholds: unknown operator ${JSON.stringify(t.op)} for ${t.metric}`);
    return {
      metric: t.metric,
      op: t.op,
      value: t.value,
      actual,
      passed: actual !== null && compare(actual, t.value),
    };
  });
  return {
    verdict: checks.every((c) => c.passed) ? EvaluationVerdict.Passed : EvaluationVerdict.Failed,
    checks,
  };
}
