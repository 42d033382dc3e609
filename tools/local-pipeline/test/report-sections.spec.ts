import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactRow, JobRow, MetricPointRow, TuningTrialRow } from '@mlops/db';
import { renderCurves } from '../src/report/sections/curves';
import { renderHyperparameters } from '../src/report/sections/hyperparameters';
import { renderLogs } from '../src/report/sections/logs';
import { renderTrials } from '../src/report/sections/trials';

const t0 = new Date('2026-12-03T12:00:00Z');

function job(id: number, name: string, status: JobRow['status'] = 'Completed'): JobRow {
  return {
    id,
    pipelineRunId: 1,
    modelId: 1,
    jobType: 'Training',
    batch: 'training',
    sagemakerName: name,
    sagemakerArn: null,
    status,
    secondaryStatus: null,
    failureReason: null,
    createdAt: t0,
    startedAt: t0,
    endedAt: t0,
    updatedAt: t0,
    metrics: null,
  };
}

function trial(
  id: number,
  hps: Record<string, string>,
  objective: number | null,
  best = false,
): TuningTrialRow {
  return {
    id,
    jobId: id,
    pipelineRunId: 1,
    tuningJobName: 'iris-tune-r1',
    hyperparameters: hps,
    objectiveMetric: 'validation:accuracy',
    objectiveValue: objective,
    best,
    createdAt: t0,
    updatedAt: t0,
  };
}

const JOBS = [
  job(1, 'iris-tune-r1-001-aa'),
  job(2, 'iris-tune-r1-002-bb'),
  job(3, 'iris-tune-r1-003-cc', 'Failed'),
];
const TRIALS = [
  trial(1, { maxDepth: '2', criterion: 'gini' }, 0.9),
  trial(2, { maxDepth: '5', criterion: 'entropy' }, 0.97, true),
  trial(3, { maxDepth: '<b>', criterion: 'gini' }, null),
];

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('report sections', () => {
  it('trials: one table row per trial (best marked), one scatter per tuned hyperparameter of the scored trials', () => {
    const html = renderTrials(TRIALS, JOBS);
    expect(count(html, /<tr class="trial/g)).toBe(3);
    expect(count(html, /<tr class="trial best"/g)).toBe(1);
    expect(count(html, /<figure class="scatter">/g)).toBe(2);
    expect(count(html, /<circle class="pt/g)).toBe(4); // 2 scored trials × 2 hyperparameters
    expect(count(html, /<circle class="pt best"/g)).toBe(2);
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>5');
    expect(renderTrials([], JOBS)).toBe('');
  });

  it('curves: one chart per job with a series, one polyline and N points per metric', () => {
    const points: MetricPointRow[] = [0, 1, 2, 3].flatMap((step) => [
      {
        id: step * 2 + 1,
        jobId: 2,
        metric: 'validation:accuracy',
        step,
        value: 0.5 + step / 10,
        timestamp: t0,
      },
      { id: step * 2 + 2, jobId: 2, metric: 'train:accuracy', step, value: 0.6 + step / 10, timestamp: t0 },
    ]);
    const html = renderCurves(JOBS, points);
    expect(count(html, /<figure class="curve"/g)).toBe(1);
    expect(html).toContain('data-job="iris-tune-r1-002-bb"');
    expect(count(html, /<polyline /g)).toBe(2);
    expect(html).toContain('data-label="validation:accuracy" data-points="4"');
    expect(count(html, /<circle class="pt"/g)).toBe(8);
    expect(renderCurves(JOBS, [])).toContain('No metric series recorded');
  });

  it('a flat series still draws inside the chart (no NaN coordinates)', () => {
    const flat: MetricPointRow[] = [0, 1].map((step) => ({
      id: step,
      jobId: 1,
      metric: 'm',
      step,
      value: 1,
      timestamp: t0,
    }));
    const html = renderCurves(JOBS, flat);
    expect(html).not.toContain('NaN');
  });

  it('hyperparameters: from the model artifact, escaped', () => {
    const artifact = {
      kind: 'model',
      metadata: { hyperparameters: { seed: '42', maxDepth: '<5>' } },
    } as unknown as ArtifactRow;
    const html = renderHyperparameters([artifact]);
    expect(count(html, /<tr><td><code>/g)).toBe(2);
    expect(html).toContain('&lt;5&gt;');
    expect(renderHyperparameters([])).toContain('No hyperparameters recorded');
  });

  it('logs: log group and stream prefix per job; no local path without a local stack', () => {
    const html = renderLogs(JOBS.slice(0, 1));
    expect(html).toContain('<code>/aws/sagemaker/TrainingJobs</code>');
    expect(html).toContain('<code>iris-tune-r1-001-aa/</code>');
  });

  it('logs: with the local stack, the stream files of the job on disk (and of no other job)', () => {
    const logsDir = mkdtempSync(join(tmpdir(), 'report-logs-'));
    try {
      const group = join(logsDir, encodeURIComponent('/aws/sagemaker/TrainingJobs'));
      mkdirSync(group);
      const mine = join(group, `${encodeURIComponent('iris-tune-r1-001-aa/algo-1-1764')}.jsonl`);
      writeFileSync(mine, '');
      writeFileSync(join(group, `${encodeURIComponent('iris-tune-r1-001-aab/algo-1-1764')}.jsonl`), '');
      const html = renderLogs(JOBS.slice(0, 1), logsDir);
      expect(html).toContain(`<code>${mine}</code>`);
      expect(html).not.toContain('001-aab');
    } finally {
      rmSync(logsDir, { recursive: true, force: true });
    }
  });
});
