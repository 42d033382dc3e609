/**
 * SageMaker hyperparameters are a string→string map; config values may be numbers or booleans.
 * Numbers use JS's shortest round-trip form so `0.05` stays `0.05`.
 */
export function stringifyHyperparameters(
  hp: Record<string, string | number | boolean>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(hp).map(([k, v]) => [k, String(v)]));
}
