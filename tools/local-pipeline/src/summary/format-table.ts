import { formatDuration } from '../progress/format-duration';
import type { SummaryRow } from './summary-rows';

const HEADERS = ['model', 'phase', 'job', 'batch', 'job time', 'key metrics', 'verdict'];

/** The summary as a fixed-width text table, followed by one line per failure. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const cells = rows.map((r) => [
    r.model,
    r.phase,
    r.job,
    r.batchMs === null ? '-' : formatDuration(r.batchMs),
    r.jobMs === null ? '-' : formatDuration(r.jobMs),
    r.metrics || '-',
    r.verdict,
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const failures = rows.filter((r) => r.failure);
  if (failures.length > 0) {
    out.push('', 'Failures:');
    for (const r of failures) out.push(`  ${r.model}/${r.phase}: ${r.failure}`);
  }
  return out.join('\n') + '\n';
}
