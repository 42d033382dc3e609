import { randomBytes } from 'node:crypto';
import type { JobStore } from '../state/job-store';
import type { JobRecord } from '../state/types';
import { TERMINAL } from '../state/types';
import { viewTrial } from '../tuning/objective';
import { planTrials } from '../tuning/strategy';
import type { CreateTuningJobRequest } from '../tuning/tuning-request';
import type { TuningRecord, TuningStore } from '../tuning/tuning-store';
import type { CreateTrainingJobRequest } from './requests';

/** What a tuning run needs from the emulator: its training-job machinery. */
export interface TuningEnv {
  tuning: TuningStore;
  training: JobStore;
  /** Creates and launches a training job (as CreateTrainingJob). */
  startTraining(req: CreateTrainingJobRequest): JobRecord;
  /** Stops a running training job (as StopTrainingJob). */
  stopTraining(name: string): void;
}

/** A trial's training job: recorded before the trial, so a missing one is a bug. */
export function trialJob(training: JobStore, name: string): JobRecord {
  const job = training.get('training', name);
  if (!job) throw new Error(`local-sagemaker: tuning trial ${name} has no training job record`);
  return job;
}

/** How often a run looks at its trials; a trial is at least one process start, so 50 ms is small. */
const POLL_MS = 50;

/** The child of trial `index` (0-based), named as SageMaker names them: `<tuning job>-NNN-<8 hex>`. */
export function childRequest(
  req: CreateTuningJobRequest,
  arn: string,
  index: number,
  tuned: Record<string, string>,
): CreateTrainingJobRequest {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- members a training job does not have
  const { StaticHyperParameters, HyperParameterRanges, TuningObjective, ...definition } =
    req.TrainingJobDefinition;
  const name = `${req.HyperParameterTuningJobName}-${String(index + 1).padStart(3, '0')}-${randomBytes(4).toString('hex')}`;
  return {
    ...definition,
    TrainingJobName: name,
    HyperParameters: { ...StaticHyperParameters, ...tuned },
    // The tuning job's tags are added to every training job it launches (API reference, CreateHyperParameterTuningJob.Tags).
    ...(req.Tags ? { Tags: req.Tags } : {}),
    TuningJobArn: arn,
  };
}

/** Runs a tuning job: keeps up to MaxParallelTrainingJobs trials running until every planned trial ran,
 *  then ends Completed (some trial reported the objective) or Failed; Stopping stops the running trials. */
export class TuningRunner {
  private readonly runs = new Map<string, Promise<void>>();
  private closing = false;

  constructor(private readonly env: TuningEnv) {}

  start(job: TuningRecord): void {
    const run = this.run(job)
      .catch((err: unknown) => {
        this.env.tuning.update(job, {
          status: 'Failed',
          endTime: Date.now(),
          failureReason: `InternalServerError: ${String(err)}`,
        });
      })
      .finally(() => this.runs.delete(job.name));
    this.runs.set(job.name, run);
  }

  /** Emulator shutdown: running tuning jobs stop launching trials and end Stopped. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.runs.values());
  }

  private async run(job: TuningRecord): Promise<void> {
    const { env } = this;
    const config = job.request.HyperParameterTuningJobConfig;
    const planned = planTrials(config);
    for (;;) {
      if (this.closing && job.status === 'InProgress') env.tuning.update(job, { status: 'Stopping' });
      const children = job.trials.map((t) => trialJob(env.training, t.name));
      const running = children.filter((c) => !TERMINAL.includes(c.status));
      if (job.status === 'Stopping') {
        for (const child of running) if (child.status === 'InProgress') env.stopTraining(child.name);
        if (running.length === 0) return env.tuning.update(job, { status: 'Stopped', endTime: Date.now() });
      } else if (
        job.trials.length < planned.length &&
        running.length < config.ResourceLimits.MaxParallelTrainingJobs
      ) {
        const index = job.trials.length;
        const child = env.startTraining(childRequest(job.request, job.arn, index, planned[index]));
        env.tuning.update(job, { trials: [...job.trials, { name: child.name, tuned: planned[index] }] });
        continue;
      } else if (running.length === 0) return this.finish(job, children);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private finish(job: TuningRecord, children: JobRecord[]): void {
    const objective = job.request.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective;
    const succeeded = job.trials.some(
      (t, i) => viewTrial(t, children[i], objective).objectiveStatus === 'Succeeded',
    );
    this.env.tuning.update(job, {
      status: succeeded ? 'Completed' : 'Failed',
      endTime: Date.now(),
      ...(succeeded
        ? {}
        : {
            failureReason: `No training job reported the objective metric '${objective.MetricName}' (all ${job.trials.length} failed)`,
          }),
    });
  }
}
