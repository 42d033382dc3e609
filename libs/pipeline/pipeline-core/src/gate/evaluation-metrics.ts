import { InputError } from '../errors/pipeline-errors';

/**
 * Flattens an evaluation.json into `name → number` for the gate. Numeric leaves at the top level and
 * one level down (e.g. `{ "metrics": { "rmse": 1.2 } }`) count under their own name; arrays such as a
 * confusion matrix are ignored. The container owns the file's shape, the config names the metrics.
 */
export function extractMetrics(json: unknown, source: string): Record<string, number> {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new InputError(`${source}: expected a JSON object with metrics, got ${describe(json)}`);
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[key] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) {
        // Top-level values win over nested ones of the same name.
        if (typeof v === 'number' && Number.isFinite(v) && !(inner in metrics)) metrics[inner] = v;
      }
    }
  }
  return metrics;
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}
