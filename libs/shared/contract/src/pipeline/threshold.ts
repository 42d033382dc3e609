/** The comparison operators an evaluation threshold may use. */
export const THRESHOLD_OPS = ['>=', '<=', '>', '<', '=='] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/**
 * One evaluation gate, e.g. `accuracy >= 0.9` → `{ metric: 'accuracy', op: '>=', value: 0.9 }`: parsed
 * from the config, checked by the gate, stored with the evaluation. `metric` is a key of the container's
 * evaluation.json.
 */
export interface Threshold {
  metric: string;
  op: ThresholdOp;
  value: number;
}
