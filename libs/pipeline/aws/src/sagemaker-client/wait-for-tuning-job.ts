import {
  DescribeHyperParameterTuningJobCommand,
  HyperParameterTrainingJobSummary,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { isTerminal } from './describe-job';

/** One trial (a training job the tuning job launched), as plain data. */
export interface TuningTrial {
  jobName: string;
  status: string;
  hyperparameters: Record<string, string>;
  /** Final objective value, once the trial reported it. */
  objective?: number;
  failureReason?: string;
}

export interface TuningProgressEvent {
  tuningJobName: string;
  trial: TuningTrial;
  /** `trial <name> Completed objective=0.93 {lr: 0.01} (3/6 done)` */
  summary: string;
}

export interface TuningOutcome {
  jobName: string;
  status: string;
  failureReason?: string;
  trials: TuningTrial[];
  best?: TuningTrial;
  waitedMs: number;
}

export class TuningJobFailedError extends Error {
  override name = 'TuningJobFailedError';
  constructor(
    readonly jobName: string,
    readonly failureReason: string,
    readonly trials: TuningTrial[],
  ) {
    super(`tuning job ${jobName} failed: ${failureReason}`);
  }
}

export interface WaitForTuningJobOptions {
  /** Default 10 s (AWS); local runs can poll every few hundred ms. */
  pollIntervalMs?: number;
  /** Give up after this long (the tuning job keeps running). Default: no limit. */
  timeoutMs?: number;
  /** Called each time a trial appears or changes status. */
  onTrial?: (event: TuningProgressEvent) => void;
  signal?: AbortSignal;
}

/** Polls until the tuning job is terminal, reporting each trial's progress. Resolves on Completed or
 *  Stopped with every trial and the best one; throws TuningJobFailedError on Failed. */
export async function waitForTuningJob(
  sm: SageMakerClient,
  jobName: string,
  opts: WaitForTuningJobOptions = {},
): Promise<TuningOutcome> {
  const interval = opts.pollIntervalMs ?? 10_000;
  if (!(interval > 0)) throw new RangeError(`waitForTuningJob: pollIntervalMs must be > 0, got ${interval}`);
  const started = Date.now();
  const seen = new Map<string, string>();
  for (;;) {
    opts.signal?.throwIfAborted();
    const d = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: jobName }),
    );
    const trials = await listTrials(sm, jobName);
    const done = trials.filter((t) => isTerminal(t.status)).length;
    for (const trial of trials) {
      if (seen.get(trial.jobName) === trial.status) continue;
      seen.set(trial.jobName, trial.status);
      opts.onTrial?.({ tuningJobName: jobName, trial, summary: summary(trial, done, trials.length) });
    }
    const status = d.HyperParameterTuningJobStatus ?? 'unknown';
    if (isTerminal(status)) {
      if (status === 'Failed')
        throw new TuningJobFailedError(jobName, d.FailureReason ?? 'no FailureReason given', trials);
      const bestName = d.BestTrainingJob?.TrainingJobName;
      return {
        jobName,
        status,
        trials,
        best: trials.find((t) => t.jobName === bestName),
        waitedMs: Date.now() - started,
      };
    }
    if (opts.timeoutMs !== undefined && Date.now() - started + interval > opts.timeoutMs)
      throw new Error(
        `Gave up waiting for tuning job ${jobName} after ${Math.round((Date.now() - started) / 1000)} s (last status ${status})`,
      );
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

async function listTrials(sm: SageMakerClient, jobName: string): Promise<TuningTrial[]> {
  const trials: TuningTrial[] = [];
  let token: string | undefined;
  do {
    const res = await sm.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({
        HyperParameterTuningJobName: jobName,
        MaxResults: 100,
        NextToken: token,
      }),
    );
    trials.push(...(res.TrainingJobSummaries ?? []).map(toTrial));
    token = res.NextToken;
  } while (token);
  return trials;
}

function toTrial(s: HyperParameterTrainingJobSummary): TuningTrial {
  const objective = s.FinalHyperParameterTuningJobObjectiveMetric?.Value;
  return {
    jobName: s.TrainingJobName ?? '',
    status: s.TrainingJobStatus ?? 'unknown',
    hyperparameters: s.TunedHyperParameters ?? {},
    ...(objective !== undefined ? { objective } : {}),
    ...(s.FailureReason ? { failureReason: s.FailureReason } : {}),
  };
}

function summary(t: TuningTrial, done: number, total: number): string {
  const hps = Object.entries(t.hyperparameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const objective = t.objective !== undefined ? ` objective=${t.objective}` : '';
  return `trial ${t.jobName} ${t.status}${objective} {${hps}} (${done}/${total} done)`;
}
