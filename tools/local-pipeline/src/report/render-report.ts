import type { EvaluationRow, JobRow } from '@mlops/db';
import { formatDuration } from '../progress/format-duration';
import { formatMetrics, formatNumber } from '../summary/format-metrics';
import { buildSummaryRows } from '../summary/summary-rows';
import { escapeHtml as e } from './html-escape';
import type { ModelRunData, Plot, ReportData } from './report-data';
import { CACHE_BADGE_STYLE, renderCacheBadge } from './sections/cache-badge';
import { COMPARISON_STYLE, renderComparison } from './sections/comparison';
import { renderCurves } from './sections/curves';
import { renderHyperparameters } from './sections/hyperparameters';
import { renderLogs } from './sections/logs';
import { renderTrials } from './sections/trials';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;width:100%}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#146c2e;font-weight:600}.bad{color:#b3261e;font-weight:600}
.muted{color:#666}code{font-size:12px;word-break:break-all}
.plots{display:flex;flex-wrap:wrap;gap:1rem}.plots figure{margin:0;border:1px solid #ddd;padding:.5rem}
.plots img{max-width:560px;height:auto}
tr.best td{background:#eef8f0}svg.chart{display:block}
`;

/** A self-contained HTML page (inline CSS, plots as data: URIs, no scripts) for one run of the main job. */
export function renderReport(data: ReportData): string {
  const rows = buildSummaryRows(data.models, data.batches);
  const failed = rows.some((r) => !r.ok);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pipeline run ${e(data.runId)}</title>
<style>${STYLE}${CACHE_BADGE_STYLE}${COMPARISON_STYLE}</style>
</head>
<body>
<h1>Pipeline run <code>${e(data.runId)}</code></h1>
<p>Environment <b>${e(data.env)}</b> · runtime <b>${e(data.runtime)}</b> · models ${data.models
    .map((m) => `<b>${e(m.model)}</b>`)
    .join(', ')} · wall time <b>${e(formatDuration(data.wallTimeMs))}</b> · generated ${e(
    data.generatedAt.toISOString(),
  )} · <span class="${failed ? 'bad' : 'ok'}">${failed ? 'FAILED' : 'SUCCEEDED'}</span></p>
<h2>Summary</h2>
<table>
<tr><th>Model</th><th>Phase</th><th>Job</th><th>Batch</th><th>Job time</th><th>Key metrics</th><th>Verdict</th></tr>
${rows
  .map(
    (r) =>
      `<tr><td>${e(r.model)}</td><td>${e(r.phase)}</td><td><code>${e(r.job)}</code></td>` +
      `<td class="num">${r.batchMs === null ? '-' : e(formatDuration(r.batchMs))}</td>` +
      `<td class="num">${r.jobMs === null ? '-' : e(formatDuration(r.jobMs))}</td>` +
      `<td>${e(r.metrics || '-')}</td><td class="${r.ok ? 'ok' : 'bad'}">${e(r.verdict)}</td></tr>`,
  )
  .join('\n')}
</table>
${data.models
  .map((m) =>
    renderModel(
      m,
      data.plots.filter((p) => p.model === m.model),
      data.logsDir,
    ),
  )
  .join('\n')}
${
  data.plotErrors.length > 0
    ? `<h2>Plots not available</h2><ul>${data.plotErrors.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`
    : ''
}
</body>
</html>
`;
}

function renderModel(m: ModelRunData, plots: Plot[], logsDir?: string): string {
  const head = `<h2 id="model-${e(m.model)}">Model ${e(m.model)}${
    m.modelRow ? ` <span class="muted">(${e(m.modelRow.task)}, ${e(m.modelRow.team)})</span>` : ''
  }</h2>`;
  if (!m.run) return `${head}\n<p class="bad">No pipeline run recorded in the database for this model.</p>`;
  return [
    head,
    `<p>Pipeline run #${m.run.id}: <b class="${m.run.status === 'Failed' ? 'bad' : 'ok'}">${e(m.run.status)}</b>` +
      ` · started ${e(iso(m.run.startedAt))} · ended ${e(iso(m.run.endedAt))}` +
      (m.run.error ? ` · <span class="bad">${e(m.run.error)}</span>` : '') +
      '</p>',
    '<h3>Jobs</h3>',
    renderJobs(m),
    '<h3>Hyperparameters</h3>',
    renderHyperparameters(m.artifacts),
    renderTrials(m.trials, m.jobs),
    '<h3>Learning curves</h3>',
    renderCurves(
      m.jobs.filter((j) => j.batch === 'training'),
      m.series,
    ),
    '<h3>Evaluation</h3>',
    m.evaluations.length > 0
      ? m.evaluations.map((ev) => renderEvaluation(m, ev)).join('\n')
      : '<p class="muted">none</p>',
    plots.length > 0
      ? `<div class="plots">${plots
          .map(
            (p) =>
              `<figure><img alt="evaluation plot ${e(p.model)}" src="data:${p.mimeType};base64,${p.base64}">` +
              `<figcaption><code>${e(p.uri)}</code></figcaption></figure>`,
          )
          .join('')}</div>`
      : '<p class="muted">No evaluation plot found.</p>',
    renderComparison(m.comparison),
    '<h3>Inference</h3>',
    m.inferenceRuns.length > 0
      ? `<table><tr><th>Model version</th><th>Status</th><th>Records</th><th>Input</th><th>Output</th></tr>${m.inferenceRuns
          .map(
            (r) =>
              `<tr><td>${e(versionLabel(m, r.modelVersionId))}</td><td>${e(r.status)}</td>` +
              `<td class="num">${e(r.recordCount ?? '-')}</td><td><code>${e(r.inputUri)}</code></td>` +
              `<td><code>${e(r.outputUri)}</code></td></tr>`,
          )
          .join('')}</table>`
      : '<p class="muted">none</p>',
    '<h3>Artifacts</h3>',
    m.artifacts.length > 0
      ? `<table><tr><th>Kind</th><th>URI</th></tr>${m.artifacts
          .map((a) => `<tr><td>${e(a.kind)}</td><td><code>${e(a.uri)}</code></td></tr>`)
          .join('')}</table>`
      : '<p class="muted">none</p>',
    '<h3>Logs</h3>',
    renderLogs(m.jobs, logsDir),
  ].join('\n');
}

function renderJobs(m: ModelRunData): string {
  const jobs: JobRow[] = m.jobs;
  if (jobs.length === 0) return '<p class="muted">none</p>';
  return `<table><tr><th>Batch</th><th>Job</th><th>Type</th><th>Status</th><th>Started</th><th>Duration</th><th>Metrics</th><th>Failure reason</th></tr>${jobs
    .map((j) => {
      const ms = j.startedAt && j.endedAt ? j.endedAt.getTime() - j.startedAt.getTime() : null;
      return (
        `<tr><td>${e(j.batch)}</td><td><code>${e(j.sagemakerName)}</code></td><td>${e(j.jobType)}</td>` +
        `<td class="${j.status === 'Completed' ? 'ok' : j.status === 'InProgress' ? '' : 'bad'}">${e(j.status)}${renderCacheBadge(m.cached, j.sagemakerName)}</td>` +
        `<td>${e(iso(j.startedAt))}</td><td class="num">${ms === null ? '-' : e(formatDuration(ms))}</td>` +
        `<td>${e(formatMetrics(j.metrics, 10) || '-')}</td><td>${e(j.failureReason ?? '')}</td></tr>`
      );
    })
    .join('')}</table>`;
}

function renderEvaluation(m: ModelRunData, ev: EvaluationRow): string {
  return (
    `<p>${e(versionLabel(m, ev.modelVersionId))}: <b class="${ev.verdict === 'Passed' ? 'ok' : 'bad'}">${e(ev.verdict)}</b>` +
    ` · metrics ${e(formatMetrics(ev.metrics, 20) || '-')}</p>` +
    `<table><tr><th>Threshold</th><th>Actual</th><th>Result</th></tr>${ev.checks
      .map(
        (c) =>
          `<tr><td>${e(`${c.metric} ${c.op} ${c.value}`)}</td><td class="num">${
            c.actual === null ? 'missing' : e(formatNumber(c.actual))
          }</td><td class="${c.passed ? 'ok' : 'bad'}">${c.passed ? 'pass' : 'fail'}</td></tr>`,
      )
      .join('')}</table>`
  );
}

function versionLabel(m: ModelRunData, versionId: number): string {
  const v = m.modelVersions.find((x) => x.id === versionId);
  return v ? `version ${v.version} (${v.approvalStatus})` : `version id ${versionId}`;
}

function iso(d: Date | null): string {
  return d ? d.toISOString() : '-';
}
