import { formatNumber } from '../../summary/format-metrics';
import type { RunComparison } from '../comparison-data';
import { escapeHtml as e } from '../html-escape';

export const COMPARISON_STYLE = `.delta-up{color:#146c2e}.delta-down{color:#b3261e}`;

/** "Compared with the approved version": metrics side by side with deltas, the gate's verdict, the earlier report. */
export function renderComparison(c: RunComparison | null): string {
  if (!c)
    return '<section class="comparison"><h3>Comparison</h3><p class="muted">No evaluated model version in this run.</p></section>';
  const verdict =
    `<p>Gate: <b class="${c.current.verdict === 'Passed' ? 'ok' : 'bad'}">${e(c.current.verdict)}</b>` +
    ` → version ${c.current.version} ${e(c.current.approvalStatus)}</p>`;
  if (!c.baseline)
    return (
      '<section class="comparison"><h3>Comparison</h3>' +
      verdict +
      '<p class="muted">No version of this model was approved before this run: nothing to compare with.</p></section>'
    );
  const b = c.baseline;
  const link = b.reportFile
    ? `<a class="earlier-report" href="${e(b.reportFile)}">report of run ${e(b.runId ?? '')}</a>`
    : `<span class="muted">no report of run ${e(b.runId ?? 'unknown')} in this directory</span>`;
  const rows = c.deltas
    .map(
      (d) =>
        `<tr><td>${e(d.metric)}</td><td class="num">${num(d.baseline)}</td><td class="num">${num(d.current)}</td>` +
        `<td class="${deltaClass(d.delta)}">${signed(d.delta)}</td></tr>`,
    )
    .join('');
  return (
    '<section class="comparison"><h3>Comparison with the approved version</h3>' +
    verdict +
    `<p>Approved before this run: version ${b.version} (${link})</p>` +
    `<table><tr><th>Metric</th><th>v${b.version} (approved)</th><th>v${c.current.version} (this run)</th><th>Δ</th></tr>${rows}</table>` +
    '</section>'
  );
}

function num(v: number | null): string {
  return v === null ? '-' : e(formatNumber(v));
}

function signed(v: number | null): string {
  if (v === null) return '-';
  return e(v > 0 ? `+${formatNumber(v)}` : formatNumber(v));
}

function deltaClass(v: number | null): string {
  if (v === null || v === 0) return 'num';
  return v > 0 ? 'num delta-up' : 'num delta-down';
}
