// The pipeline's SageMaker client (@mlops/aws) starting and waiting for a tuning job on the emulator, with
// progress per trial. It lives here, not in libs/aws, because a lib may not depend on a tool.
import {
  createSageMakerClient,
  makeTuningJobName,
  SageMakerValidationError,
  prepareTuningJob,
  startTuningJob,
  TuningJobFailedError,
  TuningJobSpec,
  TuningProgressEvent,
  waitForTuningJob,
} from '@mlops/aws';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { BUCKET, Harness, ROLE, startHarness, waitForLog } from './support/harness';

let h: Harness;
let sm: SageMakerClient;
beforeAll(async () => {
  h = await startHarness();
  sm = createSageMakerClient({
    endpoint: h.emulator.endpoint,
    region: 'us-east-1',
    credentials: h.emulator.credentials,
  });
});
afterAll(async () => {
  sm.destroy();
  await h.close();
});

function spec(overrides: Partial<TuningJobSpec> = {}): TuningJobSpec {
  return {
    baseJobName: 'fixture-tuning-with-a-long-base-name',
    strategy: 'Random',
    objective: { metricName: 'validation:score', type: 'Maximize' },
    maxTrainingJobs: 4,
    maxParallelTrainingJobs: 2,
    randomSeed: 3,
    ranges: {
      continuous: [{ name: 'x', min: 0.01, max: 1, scaling: 'Logarithmic' }],
      categorical: [{ name: 'kernel', values: ['linear', 'rbf'] }],
    },
    training: {
      image: 'fixture-job:latest',
      roleArn: ROLE,
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      volumeSizeGb: 1,
      maxRuntimeSeconds: 60,
      outputPath: `s3://${BUCKET}/tuning`,
      hyperparameters: { mode: 'score', depth: 4 },
      metricDefinitions: [{ name: 'validation:score', regex: 'score=(-?[0-9.]+)' }],
    },
    ...overrides,
  };
}

it('names tuning jobs within 32 characters', () => {
  const name = makeTuningJobName(
    'fixture-tuning-with-a-long-base-name',
    new Date(Date.UTC(2026, 11, 3, 11, 5, 9)),
  );
  expect(name).toBe('fixture-tuning-wit-261203-110509');
  expect(name.length).toBeLessThanOrEqual(32);
});

it('starts a tuning job, reports each trial and resolves with the best one', async () => {
  const events: TuningProgressEvent[] = [];
  const started = await startTuningJob(sm, prepareTuningJob(spec()));
  expect(started.attached).toBe(false);
  const outcome = await waitForTuningJob(sm, started.jobName, {
    pollIntervalMs: 50,
    onTrial: (e) => events.push(e),
  });
  expect(outcome.status).toBe('Completed');
  expect(outcome.trials).toHaveLength(4);
  // Every trial was reported once it ended, with its hyperparameters and objective.
  for (const trial of outcome.trials) {
    const last = events.filter((e) => e.trial.jobName === trial.jobName).at(-1)!;
    expect(last.trial).toEqual(trial);
    expect(last.summary).toContain(`trial ${trial.jobName} Completed objective=${trial.objective}`);
    const [line] = await waitForLog(h.logs, 'TrainingJobs', trial.jobName, 'epoch=2 score=');
    expect(trial.objective).toBe(Number(/score=(-?[0-9.]+)/.exec(line)![1]));
  }
  expect(outcome.best!.objective).toBe(Math.max(...outcome.trials.map((t) => t.objective!)));
  // Starting it again attaches instead of launching a second tuning job.
  expect(await startTuningJob(sm, prepareTuningJob(spec(), started.jobName))).toMatchObject({
    attached: true,
    status: 'Completed',
  });
});

it('throws TuningJobFailedError with the trials when every trial fails', async () => {
  const failing = spec({
    strategy: 'Grid',
    maxTrainingJobs: undefined,
    ranges: { categorical: [{ name: 'kernel', values: ['broken'] }] },
  });
  // Its own name: the default one (per second) could attach to the previous test's tuning job.
  const started = await startTuningJob(sm, prepareTuningJob(failing, 'fixture-tuning-failing'));
  const err = await waitForTuningJob(sm, started.jobName, { pollIntervalMs: 50 }).catch((e: unknown) => e);
  // By name: jest's module registry can load the error class twice (instanceof then fails across copies).
  expect(err).toMatchObject({ name: 'TuningJobFailedError' });
  expect((err as TuningJobFailedError).trials.map((t) => t.status)).toEqual(['Failed']);
});

it('refuses a spec whose objective is not a metric definition, before any call', async () => {
  const bad = spec({ objective: { metricName: 'nope', type: 'Minimize' } });
  // The request is built and validated once, before anything can send it.
  expect(() => prepareTuningJob(bad, 'never-created')).toThrow(SageMakerValidationError);
  expect(() => prepareTuningJob(bad, 'never-created')).toThrow(/Value 'nope' at 'objective.metricName'/);
  await expect(waitForTuningJob(sm, 'never-created', { pollIntervalMs: 50 })).rejects.toMatchObject({
    name: 'ValidationException',
    message: 'Requested resource not found.',
  });
});
