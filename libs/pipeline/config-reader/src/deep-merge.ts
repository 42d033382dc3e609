/** A plain mapping (what YAML mappings become), not a list or a scalar. */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * `over` merged onto `base`: mappings merge key by key, anything else (lists included) replaces. Pure;
 * prototype keys never get here (refused on the YAML tree first).
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}
