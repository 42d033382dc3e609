/** `{ accuracy: 0.96666 }` → `accuracy=0.9667`: four significant digits, keys in a stable order. */
export function formatMetrics(metrics: Record<string, number> | null | undefined, limit = 4): string {
  if (!metrics) return '';
  const entries = Object.entries(metrics)
    .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
    .sort(([a], [b]) => a.localeCompare(b));
  const shown = entries.slice(0, limit).map(([k, v]) => `${k}=${formatNumber(v)}`);
  if (entries.length > limit) shown.push(`+${entries.length - limit} more`);
  return shown.join(' ');
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(4)).toString();
}
