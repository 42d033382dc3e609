import type { JobRow, TuningTrialRow } from '@mlops/db';
import { formatNumber } from '../../summary/format-metrics';
import { escapeHtml as e } from '../html-escape';
import { svgChart } from './svg-chart';

/**
 * The trials of the model's tuning job: a table (one row per trial: status, tuned hyperparameters,
 * objective, best marked) and one scatter per tuned hyperparameter (objective against its value; a
 * categorical hyperparameter gets one x position per value).
 */
export function renderTrials(trials: readonly TuningTrialRow[], jobs: readonly JobRow[]): string {
  if (trials.length === 0) return '';
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.hyperparameters)))].sort();
  const objective = trials[0].objectiveMetric;
  const rows = trials
    .map((t) => {
      const job = jobOf.get(t.jobId);
      const status = job?.status ?? '?';
      return (
        `<tr class="trial${t.best ? ' best' : ''}"><td><code>${e(job?.sagemakerName ?? t.jobId)}</code>${
          t.best ? ' <b class="ok">best</b>' : ''
        }</td><td class="${status === 'Completed' ? 'ok' : status === 'InProgress' ? '' : 'bad'}">${e(status)}</td>` +
        names.map((n) => `<td>${e(t.hyperparameters[n] ?? '-')}</td>`).join('') +
        `<td class="num">${t.objectiveValue === null ? '-' : e(formatNumber(t.objectiveValue))}</td></tr>`
      );
    })
    .join('');
  const table =
    `<table class="trials"><tr><th>Trial</th><th>Status</th>${names.map((n) => `<th>${e(n)}</th>`).join('')}` +
    `<th>${e(objective)}</th></tr>${rows}</table>`;
  const scored = trials.filter((t) => t.objectiveValue !== null);
  const scatters = names
    .map((name) => {
      const values = scored.map((t) => t.hyperparameters[name]);
      const numeric = values.every((v) => v !== undefined && Number.isFinite(Number(v)));
      const categories = numeric ? undefined : [...new Set(values.map(String))].sort();
      const points = scored.map((t) => {
        const raw = t.hyperparameters[name];
        return {
          x: categories ? categories.indexOf(String(raw)) : Number(raw),
          y: t.objectiveValue as number,
          highlight: t.best,
          title: `${jobOf.get(t.jobId)?.sagemakerName ?? t.jobId}: ${name}=${raw} → ${objective}=${t.objectiveValue}`,
        };
      });
      return `<figure class="scatter">${svgChart({
        title: `${objective} against ${name}`,
        xLabel: name,
        yLabel: objective,
        xCategories: categories,
        series: [{ label: `trials (${points.length})`, line: false, points }],
      })}</figure>`;
    })
    .join('');
  return `<h3>Tuning trials <span class="muted">${e(trials[0].tuningJobName)}</span></h3>${table}${
    scatters ? `<div class="plots">${scatters}</div>` : ''
  }`;
}
