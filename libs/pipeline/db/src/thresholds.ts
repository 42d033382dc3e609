import { EvaluationVerdict } from './enum';
import type { ThresholdCheck, ThresholdRule } from './schema';

const COMPARE: Record<ThresholdRule['op'], (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '==': (a, b) => a === b,
};

/**
 * Checks metrics against every threshold. A missing or non-finite metric fails its check, so a broken
 * evaluation job can never approve a model.
 */
export function evaluateThresholds(
  metrics: Record<string, number>,
  thresholds: readonly ThresholdRule[],
): { verdict: EvaluationVerdict; checks: ThresholdCheck[] } {
  if (thresholds.length === 0) throw new Error('evaluateThresholds: at least one threshold is required');
  const checks = thresholds.map((t): ThresholdCheck => {
    const raw = Object.prototype.hasOwnProperty.call(metrics, t.metric) ? metrics[t.metric] : undefined;
    const actual = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const compare = COMPARE[t.op];
    if (!compare)
      throw new Error(`evaluateThresholds: unknown operator ${JSON.stringify(t.op)} for ${t.metric}`);
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
