import type { JobRow, MetricPointRow } from '@mlops/db';
import { escapeHtml as e } from '../html-escape';
import { svgChart } from './svg-chart';

/**
 * Learning curves: one chart per training job that has a metric series (the MetricDefinitions matched
 * in its logs), one line per metric, x = the `step=` of the line (else the point's index).
 */
export function renderCurves(jobs: readonly JobRow[], points: readonly MetricPointRow[]): string {
  const charts = jobs
    .map((job) => {
      const mine = points.filter((p) => p.jobId === job.id);
      if (mine.length === 0) return '';
      const metrics = [...new Set(mine.map((p) => p.metric))];
      const chart = svgChart({
        title: `Learning curves of ${job.sagemakerName}`,
        xLabel: 'step',
        yLabel: 'value',
        series: metrics.map((metric) => ({
          label: metric,
          line: true,
          points: mine.filter((p) => p.metric === metric).map((p) => ({ x: p.step, y: p.value })),
        })),
      });
      return `<figure class="curve" data-job="${e(job.sagemakerName)}">${chart}<figcaption><code>${e(
        job.sagemakerName,
      )}</code> · ${mine.length} points</figcaption></figure>`;
    })
    .filter(Boolean);
  if (charts.length === 0) return '<p class="muted">No metric series recorded.</p>';
  return `<div class="plots">${charts.join('')}</div>`;
}
