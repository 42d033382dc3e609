import type { JobRow } from '@mlops/db';
import type { BatchResult } from '../src/batches/run-batch';
import { Progress } from '../src/progress/progress';
import type { ModelRunData } from '../src/report/report-data';
import { formatSummaryTable } from '../src/summary/format-table';
import { buildSummaryRows } from '../src/summary/summary-rows';

describe('Progress', () => {
  it('prints phase, model, step and elapsed time, prefixes output and reports the outcome', () => {
    let now = 1_000;
    const out: string[] = [];
    const p = new Progress({ write: (t) => out.push(t), now: () => now, heartbeatMs: 0 });
    now += 2_500;
    p.phaseStart('iris', 'training', 3, 10);
    p.line('iris', 'training', 'epoch 1');
    now += 4_000;
    p.phaseEnd({
      model: 'iris',
      phase: 'training',
      exitCode: 0,
      signal: null,
      durationMs: 4_000,
      lastErrorLines: [],
    });
    p.phaseEnd({
      model: 'iris',
      phase: 'evaluation',
      exitCode: 1,
      signal: null,
      durationMs: 61_000,
      lastErrorLines: [],
    });
    p.phaseEnd({
      model: 'iris',
      phase: 'inference',
      exitCode: null,
      signal: 'SIGKILL',
      durationMs: 10,
      lastErrorLines: [],
    });
    expect(out.join('')).toBe(
      '\n▶ [3/10] iris · training  (total 2.5s)\n' +
        '  iris/training │ epoch 1\n' +
        '✔ iris · training ok in 4.0s\n' +
        '✘ iris · evaluation FAILED (exit 1) in 1m01s\n' +
        '✘ iris · inference killed by SIGKILL in 0.0s\n',
    );
    expect(p.elapsedMs()).toBe(6_500);
    p.stop();
  });

  it('summarises metric lines (count and latest value per metric) instead of printing each', () => {
    const out: string[] = [];
    const p = new Progress({ write: (t) => out.push(t), heartbeatMs: 0 });
    p.phaseStart('mpg', 'training', 3, 10);
    p.line('mpg', 'training', '  | [algo-1] training: standardising');
    for (let step = 10; step <= 10_000; step += 10) {
      p.line('mpg', 'training', `  | [algo-1] #metric train:rmse=${3 + 1 / step} step=${step}`);
      p.line('mpg', 'training', `  | [algo-1] #metric validation:r2=0.7${step} step=${step}`);
    }
    p.line('mpg', 'training', '[10:47:00] mpg-training-r1: Completed');
    p.phaseEnd({
      model: 'mpg',
      phase: 'training',
      exitCode: 0,
      signal: null,
      durationMs: 1,
      lastErrorLines: [],
    });
    const text = out.join('');
    expect(text).not.toContain('#metric');
    expect(text.split('\n')).toEqual([
      '',
      expect.stringContaining('▶ [3/10] mpg · training'),
      '  mpg/training │   | [algo-1] training: standardising',
      '  mpg/training │ [10:47:00] mpg-training-r1: Completed',
      '  mpg/training │ 2000 metric line(s) summarised, latest (step 10000): train:rmse=3.0001, validation:r2=0.710000',
      '✔ mpg · training ok in 0.0s',
      '',
    ]);
    p.stop();
  });

  it('says a silent batch is still running', () => {
    jest.useFakeTimers();
    try {
      const out: string[] = [];
      const p = new Progress({ write: (t) => out.push(t), heartbeatMs: 10_000 });
      p.phaseStart('mpg', 'training', 1, 1);
      jest.advanceTimersByTime(9_000);
      expect(out.join('')).not.toContain('still running');
      jest.advanceTimersByTime(6_000);
      expect(out.join('')).toMatch(/ {2}… mpg · training still running \(1\d\.\ds\)\n$/);
      p.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

function job(batch: JobRow['batch'], status: JobRow['status'], extra: Partial<JobRow> = {}): JobRow {
  return {
    id: Math.floor(Math.random() * 1e6),
    pipelineRunId: 1,
    modelId: 1,
    jobType: batch === 'training' ? 'Training' : 'Processing',
    batch,
    sagemakerName: `iris-${batch}-r1`,
    sagemakerArn: null,
    status,
    secondaryStatus: null,
    failureReason: null,
    createdAt: new Date(0),
    startedAt: new Date(0),
    endedAt: new Date(2_000),
    updatedAt: new Date(0),
    metrics: null,
    ...extra,
  };
}

function ok(phase: BatchResult['phase'], model = 'iris'): BatchResult {
  return { model, phase, exitCode: 0, signal: null, durationMs: 3_000, lastErrorLines: [] };
}

describe('summary', () => {
  it('builds one row per model and phase, with metrics, verdicts, failures and phases not run', () => {
    const iris: ModelRunData = {
      model: 'iris',
      modelRow: null,
      run: null,
      jobs: [
        job('preprocess', 'Completed'),
        job('training', 'Completed', { metrics: { 'validation:accuracy': 0.96667 } }),
        job('evaluation', 'Completed'),
        job('inference', 'Completed'),
      ],
      artifacts: [],
      evaluations: [
        {
          id: 1,
          modelVersionId: 7,
          jobId: null,
          pipelineRunId: 1,
          metrics: { accuracy: 0.9667, f1: 0.95 },
          thresholds: [],
          checks: [],
          verdict: 'Passed',
          createdAt: new Date(0),
        },
      ],
      modelVersions: [
        {
          id: 7,
          modelId: 1,
          version: 3,
          artifactUri: 's3://b/m',
          trainingJobId: null,
          approvalStatus: 'Approved',
          approvedAt: null,
          createdAt: new Date(0),
          updatedAt: new Date(0),
        },
      ],
      inferenceRuns: [
        {
          id: 1,
          modelVersionId: 7,
          jobId: null,
          pipelineRunId: 1,
          inputUri: 's3://b/i',
          outputUri: 's3://b/o',
          status: 'Completed',
          recordCount: 24,
          createdAt: new Date(0),
          endedAt: null,
        },
      ],
      cached: [],
      comparison: null,
      trials: [],
      series: [],
    };
    const mpg: ModelRunData = {
      ...iris,
      model: 'mpg',
      jobs: [
        job('preprocess', 'Failed', {
          sagemakerName: 'mpg-preprocess-r1',
          failureReason: 'AlgorithmError: bad row 3',
        }),
      ],
      evaluations: [],
      inferenceRuns: [],
    };
    const batches = [
      ...(['collection', 'preprocess', 'training', 'evaluation', 'inference'] as const).map((p) => ok(p)),
      ok('collection', 'mpg'),
      { ...ok('preprocess', 'mpg'), exitCode: 1 },
    ];
    const rows = buildSummaryRows([iris, mpg], batches);
    expect(rows.map((r) => [r.model, r.phase, r.metrics, r.verdict, r.ok])).toEqual([
      ['iris', 'collection', '', 'ok', true],
      ['iris', 'preprocess', '', 'Completed', true],
      ['iris', 'training', 'validation:accuracy=0.9667', 'Completed', true],
      ['iris', 'evaluation', 'accuracy=0.9667 f1=0.95', 'Passed → v3 Approved', true],
      ['iris', 'inference', 'records=24', 'Completed', true],
      ['mpg', 'collection', '', 'ok', true],
      ['mpg', 'preprocess', '', 'Failed', false],
      ['mpg', 'training', '', 'not run', false],
      ['mpg', 'evaluation', '', 'not run', false],
      ['mpg', 'inference', '', 'not run', false],
    ]);
    const table = formatSummaryTable(rows);
    expect(table.split('\n')[0]).toBe(
      'model  phase       job                 batch  job time  key metrics                 verdict',
    );
    expect(table).toContain(
      'iris   training    iris-training-r1    3.0s   2.0s      validation:accuracy=0.9667  Completed',
    );
    expect(table).toContain(
      'mpg    training    -                   -      -         -                           not run',
    );
    expect(table).toMatch(/\nFailures:\n {2}mpg\/preprocess: AlgorithmError: bad row 3\n$/);
  });
});

describe('summary of a run whose steps were reused', () => {
  it('shows "cached (from <job>)" for each reused step, after the gate verdict for evaluation', () => {
    const base: ModelRunData = {
      model: 'iris',
      modelRow: null,
      run: null,
      jobs: (['preprocess', 'training', 'evaluation'] as const).map((b) => job(b, 'Completed')),
      artifacts: [],
      evaluations: [],
      modelVersions: [],
      inferenceRuns: [],
      cached: [
        { jobName: 'iris-preprocess-r1', sourceJobName: 'iris-preprocess-r0', sourceRunId: 'r0' },
        { jobName: 'iris-evaluation-r1', sourceJobName: 'iris-evaluation-r0', sourceRunId: 'r0' },
      ],
      comparison: null,
      trials: [],
      series: [],
    };
    const rows = buildSummaryRows(
      [base],
      (['collection', 'preprocess', 'training', 'evaluation'] as const).map((p) => ok(p)),
    );
    expect(rows.map((r) => [r.phase, r.verdict])).toEqual([
      ['collection', 'ok'],
      ['preprocess', 'cached (from iris-preprocess-r0)'],
      ['training', 'Completed'],
      ['evaluation', 'cached (from iris-evaluation-r0)'],
      ['inference', 'not run'],
    ]);
    expect(formatSummaryTable(rows)).toContain('cached (from iris-preprocess-r0)');
  });
});
