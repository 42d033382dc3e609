import type { Threshold, ThresholdOp } from '@mlops/contract';

// The type is the contract's (config, gate and database share it); this file only parses and prints it.
export type { Threshold, ThresholdOp };

const THRESHOLD_RE =
  /^\s*([A-Za-z_][\w:.-]*)\s*(>=|<=|==|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;

/** Returns the parsed gate, or undefined when the text is not `<metric> <op> <number>`. */
export function parseThreshold(text: string): Threshold | undefined {
  const m = THRESHOLD_RE.exec(text);
  if (!m) return undefined;
  return { metric: m[1], op: m[2] as ThresholdOp, value: Number(m[3]) };
}

export function formatThreshold(t: Threshold): string {
  return `${t.metric} ${t.op} ${t.value}`;
}
