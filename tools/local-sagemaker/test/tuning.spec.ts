import {
  CreateHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  ListHyperParameterTuningJobsCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  StopHyperParameterTuningJobCommand,
} from '@aws-sdk/client-sagemaker';
import { Harness, startHarness, waitForLog } from './support/harness';
import { expectedScore, sleepingTuning, tuningRequest, waitForTuning } from './support/tuning';

let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = h.out;
});
afterAll(() => h.close());

/** TrainingJobStatusCounters of a finished tuning job (nothing InProgress, nothing retried locally). */
const trainingCounters = (Completed: number, NonRetryableError: number, Stopped: number) => ({
  Completed,
  InProgress: 0,
  RetryableError: 0,
  NonRetryableError,
  Stopped,
});

const listTrials = async (name: string, extra: Record<string, unknown> = {}) =>
  (
    await h.sm.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({
        HyperParameterTuningJobName: name,
        MaxResults: 100,
        ...extra,
      }),
    )
  ).TrainingJobSummaries!;

describe('hyperparameter tuning through the stock SageMaker client', () => {
  it('runs 6 random trials, 2 at a time, and names the trial with the best final objective', async () => {
    const created = await h.sm.send(
      new CreateHyperParameterTuningJobCommand(tuningRequest('tune-random', out)),
    );
    expect(created.HyperParameterTuningJobArn).toBe(
      'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/tune-random',
    );
    let maxRunning = 0;
    const d = await waitForTuning(h.sm, 'tune-random', 90_000, (x) => {
      maxRunning = Math.max(maxRunning, x.TrainingJobStatusCounters!.InProgress!);
    });
    expect(d.FailureReason).toBeUndefined();
    expect(d.HyperParameterTuningJobStatus).toBe('Completed');
    expect(maxRunning).toBeLessThanOrEqual(2);
    // From the trials' own times: never more than 2 at once, and 2 at once at some point.
    const spans = (await listTrials('tune-random')).map((t) => [
      t.CreationTime!.getTime(),
      t.TrainingEndTime!.getTime(),
    ]);
    const overlapping = spans.map(([start]) => spans.filter(([s, e]) => s <= start && start < e).length);
    expect(Math.max(...overlapping)).toBe(2);
    expect(d.TrainingJobStatusCounters).toEqual(trainingCounters(6, 0, 0));
    expect(d.ObjectiveStatusCounters).toEqual({ Succeeded: 6, Pending: 0, Failed: 0 });
    expect(d.HyperParameterTuningEndTime!.getTime()).toBeGreaterThanOrEqual(d.CreationTime!.getTime());

    const trials = await listTrials('tune-random');
    expect(trials).toHaveLength(6);
    // The objective of each trial is the last value its log printed, a known function of its hyperparameters.
    const scores = new Map<string, number>();
    for (const t of trials) {
      expect(t.TrainingJobName).toMatch(/^tune-random-00[1-6]-[0-9a-f]{8}$/);
      const job = await h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: t.TrainingJobName }));
      expect(job.TuningJobArn).toBe(created.HyperParameterTuningJobArn);
      expect(job.HyperParameters).toEqual({ mode: 'score', ...t.TunedHyperParameters });
      const x = Number(t.TunedHyperParameters!.x);
      const depth = Number(t.TunedHyperParameters!.depth);
      expect(x).toBeGreaterThanOrEqual(0.01);
      expect(x).toBeLessThanOrEqual(1);
      expect(Number.isInteger(depth) && depth >= 1 && depth <= 8).toBe(true);
      expect(['linear', 'rbf']).toContain(t.TunedHyperParameters!.kernel);
      const logged = await waitForLog(h.logs, 'TrainingJobs', t.TrainingJobName!, 'epoch=2 score=');
      const fromLog = Number(/score=(-?[0-9.]+)/.exec(logged[0])![1]);
      expect(fromLog).toBe(expectedScore(t.TunedHyperParameters!));
      expect(t.FinalHyperParameterTuningJobObjectiveMetric).toEqual({
        MetricName: 'validation:score',
        Value: fromLog,
      });
      expect(t.ObjectiveStatus).toBe('Succeeded');
      scores.set(t.TrainingJobName!, fromLog);
    }
    const bestName = [...scores.entries()].sort((a, b) => b[1] - a[1])[0][0];
    expect(d.BestTrainingJob!.TrainingJobName).toBe(bestName);
    expect(d.BestTrainingJob!.FinalHyperParameterTuningJobObjectiveMetric!.Value).toBe(scores.get(bestName));

    const byObjective = await listTrials('tune-random', {
      SortBy: 'FinalObjectiveMetricValue',
      SortOrder: 'Descending',
    });
    expect(byObjective[0].TrainingJobName).toBe(bestName);
    // Default order: Name, ascending.
    const names = trials.map((t) => t.TrainingJobName!);
    expect(names).toEqual([...names].sort());
  });

  it('draws the same hyperparameters for the same RandomSeed, and minimizes when asked', async () => {
    const config = {
      HyperParameterTuningJobObjective: { Type: 'Minimize' as const, MetricName: 'validation:score' },
    };
    await h.sm.send(new CreateHyperParameterTuningJobCommand(tuningRequest('tune-seed-a', out, config)));
    await h.sm.send(new CreateHyperParameterTuningJobCommand(tuningRequest('tune-seed-b', out, config)));
    const [a, b] = await Promise.all([
      waitForTuning(h.sm, 'tune-seed-a'),
      waitForTuning(h.sm, 'tune-seed-b'),
    ]);
    const drawn = async (name: string) => (await listTrials(name)).map((t) => t.TunedHyperParameters);
    const drawnA = await drawn('tune-seed-a');
    expect(drawnA).toEqual(await drawn('tune-seed-b'));
    expect(new Set(drawnA.map((t) => JSON.stringify(t))).size).toBeGreaterThan(1);
    const worst = Math.min(...drawnA.map((t) => expectedScore(t!)));
    expect(a.BestTrainingJob!.FinalHyperParameterTuningJobObjectiveMetric!.Value).toBe(worst);
    expect(b.BestTrainingJob!.FinalHyperParameterTuningJobObjectiveMetric!.Value).toBe(worst);
  });

  it('runs every combination once with the Grid strategy and counts failed trials', async () => {
    await h.sm.send(
      new CreateHyperParameterTuningJobCommand(
        tuningRequest('tune-grid', out, {
          Strategy: 'Grid',
          ResourceLimits: { MaxParallelTrainingJobs: 3 },
          ParameterRanges: {
            CategoricalParameterRanges: [
              { Name: 'kernel', Values: ['linear', 'rbf', 'broken'] },
              { Name: 'depth', Values: ['2', '4'] },
            ],
          },
        }),
      ),
    );
    const d = await waitForTuning(h.sm, 'tune-grid');
    expect(d.HyperParameterTuningJobStatus).toBe('Completed');
    expect(d.TrainingJobStatusCounters).toEqual(trainingCounters(4, 2, 0));
    expect(d.ObjectiveStatusCounters).toEqual({ Succeeded: 4, Pending: 0, Failed: 2 });
    const combos = (await listTrials('tune-grid')).map(
      (t) => `${t.TunedHyperParameters!.kernel}/${t.TunedHyperParameters!.depth}`,
    );
    expect(combos.sort()).toEqual(['broken/2', 'broken/4', 'linear/2', 'linear/4', 'rbf/2', 'rbf/4']);
    expect(d.BestTrainingJob!.TunedHyperParameters).toEqual({ kernel: 'rbf', depth: '4' });
    const failed = await listTrials('tune-grid', { StatusEquals: 'Failed' });
    expect(failed.map((t) => t.ObjectiveStatus)).toEqual(['Failed', 'Failed']);
    expect(failed[0].FailureReason).toMatch(/exit code 4/);
  });

  it('fails when no trial reports the objective', async () => {
    await h.sm.send(
      new CreateHyperParameterTuningJobCommand(
        tuningRequest('tune-allfail', out, {
          Strategy: 'Grid',
          ResourceLimits: { MaxParallelTrainingJobs: 1 },
          ParameterRanges: { CategoricalParameterRanges: [{ Name: 'kernel', Values: ['broken'] }] },
        }),
      ),
    );
    const d = await waitForTuning(h.sm, 'tune-allfail');
    expect(d.HyperParameterTuningJobStatus).toBe('Failed');
    expect(d.FailureReason).toMatch(/validation:score/);
    expect(d.BestTrainingJob).toBeUndefined();
  });

  it('stops the running trials and launches no more when stopped', async () => {
    await sleepingTuning(h, 'tune-stop', 5);
    await h.sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'tune-stop' }));
    const d = await waitForTuning(h.sm, 'tune-stop');
    expect(d.HyperParameterTuningJobStatus).toBe('Stopped');
    expect(d.TrainingJobStatusCounters).toEqual(trainingCounters(0, 0, 2));
    expect((await listTrials('tune-stop')).map((t) => t.TrainingJobStatus)).toEqual(['Stopped', 'Stopped']);
    await expect(
      h.sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'tune-stop' })),
    ).rejects.toThrow(/status Stopped/);
  });

  it('lists tuning jobs with their strategy and counters', async () => {
    const res = await h.sm.send(new ListHyperParameterTuningJobsCommand({ NameContains: 'tune-seed' }));
    expect(
      res.HyperParameterTuningJobSummaries!.map((s) => [
        s.HyperParameterTuningJobName,
        s.Strategy,
        s.TrainingJobStatusCounters!.Completed,
      ]),
    ).toEqual([
      ['tune-seed-a', 'Random', 6],
      ['tune-seed-b', 'Random', 6],
    ]);
  });
});

describe('tuning requests local-sagemaker refuses, before anything runs', () => {
  const refused = async (name: string, change: (r: ReturnType<typeof tuningRequest>) => void) => {
    const req = tuningRequest(name, out);
    change(req);
    const err = await h.sm.send(new CreateHyperParameterTuningJobCommand(req)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('ValidationException');
    const listed = await h.sm.send(new ListHyperParameterTuningJobsCommand({ NameContains: name }));
    expect(listed.HyperParameterTuningJobSummaries).toEqual([]);
    return (err as Error).message;
  };

  it.each([
    [
      'Bayesian',
      (r: ReturnType<typeof tuningRequest>) => (r.HyperParameterTuningJobConfig!.Strategy = 'Bayesian'),
      /'Bayesian' at 'hyperParameterTuningJobConfig.strategy' .*Random and Grid strategies only/,
    ],
    [
      'Hyperband',
      (r: ReturnType<typeof tuningRequest>) => (r.HyperParameterTuningJobConfig!.Strategy = 'Hyperband'),
      /'Hyperband' at 'hyperParameterTuningJobConfig.strategy' .*Random and Grid strategies only/,
    ],
    [
      'warm start',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.WarmStartConfig = {
          ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'x' }],
          WarmStartType: 'TransferLearning',
        }),
      /at 'warmStartConfig' .*local-sagemaker has no warm start/,
    ],
    [
      'early stopping',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.HyperParameterTuningJobConfig!.TrainingJobEarlyStoppingType = 'Auto'),
      /'Auto' at 'hyperParameterTuningJobConfig.trainingJobEarlyStoppingType'/,
    ],
    [
      'an objective not in MetricDefinitions',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.HyperParameterTuningJobConfig!.HyperParameterTuningJobObjective!.MetricName = 'nope'),
      /'nope' at 'hyperParameterTuningJobConfig.hyperParameterTuningJobObjective.metricName' .*MetricDefinitions \(validation:score\)/,
    ],
    [
      'log scaling from 0',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.HyperParameterTuningJobConfig!.ParameterRanges!.ContinuousParameterRanges![0].MinValue = '0'),
      /Logarithmic scaling of 'x' needs values greater than 0/,
    ],
    [
      'a non-integer bound',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.HyperParameterTuningJobConfig!.ParameterRanges!.IntegerParameterRanges![0].MaxValue = '2.5'),
      /'2.5' at 'hyperParameterTuningJobConfig.parameterRanges.integerParameterRanges.1.member.maxValue' failed to satisfy constraint: must be an integer/,
    ],
    [
      'Grid with a continuous range',
      (r: ReturnType<typeof tuningRequest>) => (r.HyperParameterTuningJobConfig!.Strategy = 'Grid'),
      /Grid strategy takes categorical parameter ranges only/,
    ],
    [
      'a name over 32 characters',
      (r: ReturnType<typeof tuningRequest>) => (r.HyperParameterTuningJobName = 'a'.repeat(33)),
      /hyperParameterTuningJobName' failed to satisfy constraint: Member must have length less than or equal to 32/,
    ],
    [
      'MetricDefinitions that is not a list',
      (r: ReturnType<typeof tuningRequest>) =>
        (r.TrainingJobDefinition!.AlgorithmSpecification!.MetricDefinitions = 'x' as never),
      /at 'trainingJobDefinition.algorithmSpecification.metricDefinitions' failed to satisfy constraint: Member must be a list/,
    ],
    [
      'a training definition without ResourceConfig',
      (r: ReturnType<typeof tuningRequest>) => delete r.TrainingJobDefinition!.ResourceConfig,
      /^TrainingJobDefinition: .*resourceConfig/,
    ],
  ])('refuses %s with a ValidationException naming it', async (label, change, message) => {
    expect(await refused(`refused-${label.length}`, change)).toMatch(message);
  });

  it('answers "Requested resource not found." for an unknown tuning job and ResourceInUse for a duplicate', async () => {
    await expect(
      h.sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'no-such' })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Requested resource not found.' });
    await expect(
      h.sm.send(new CreateHyperParameterTuningJobCommand(tuningRequest('tune-random', out))),
    ).rejects.toMatchObject({ name: 'ResourceInUse' });
  });
});
