import {
  CreateHyperParameterTuningJobCommand,
  CreateHyperParameterTuningJobCommandInput,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommandOutput,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { Harness, ROLE, waitForLog } from './harness';

/** A tuning job over the fixture's `score` mode: score = 1 - (x - 0.3)^2 - |depth - 4| / 100 (+0.5 for rbf). */
export function tuningRequest(
  name: string,
  outputPath: string,
  config: Partial<CreateHyperParameterTuningJobCommandInput['HyperParameterTuningJobConfig']> = {},
): CreateHyperParameterTuningJobCommandInput {
  return {
    HyperParameterTuningJobName: name,
    HyperParameterTuningJobConfig: {
      Strategy: 'Random',
      HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:score' },
      ResourceLimits: { MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2 },
      ParameterRanges: {
        ContinuousParameterRanges: [
          { Name: 'x', MinValue: '0.01', MaxValue: '1', ScalingType: 'Logarithmic' },
        ],
        IntegerParameterRanges: [{ Name: 'depth', MinValue: '1', MaxValue: '8', ScalingType: 'Linear' }],
        CategoricalParameterRanges: [{ Name: 'kernel', Values: ['linear', 'rbf'] }],
      },
      RandomSeed: 7,
      ...config,
    },
    TrainingJobDefinition: {
      AlgorithmSpecification: {
        TrainingImage: 'fixture-job:latest',
        TrainingInputMode: 'File',
        MetricDefinitions: [{ Name: 'validation:score', Regex: 'score=(-?[0-9.]+)' }],
      },
      RoleArn: ROLE,
      StaticHyperParameters: { mode: 'score' },
      OutputDataConfig: { S3OutputPath: outputPath },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    },
  };
}

/** The fixture's score for a trial's hyperparameters (what its log prints last). */
export function expectedScore(hps: Record<string, string>): number {
  const score = 1 - (Number(hps.x ?? 0) - 0.3) ** 2 - Math.abs(Number(hps.depth ?? 0) - 4) / 100;
  return Number((score + (hps.kernel === 'rbf' ? 0.5 : 0)).toFixed(6));
}

export async function waitForTuning(
  sm: SageMakerClient,
  name: string,
  timeoutMs = 90_000,
  onDescribe?: (d: DescribeHyperParameterTuningJobCommandOutput) => void,
): Promise<DescribeHyperParameterTuningJobCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }),
    );
    onDescribe?.(d);
    if (['Completed', 'Failed', 'Stopped'].includes(d.HyperParameterTuningJobStatus!)) return d;
    if (Date.now() > deadline)
      throw new Error(`tuning job ${name} still ${d.HyperParameterTuningJobStatus} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a tuning job whose trials sleep (2 in parallel) and returns once both first trials run. */
export async function sleepingTuning(h: Harness, name: string, maxJobs = 6): Promise<string[]> {
  const req = tuningRequest(name, h.out, {
    ResourceLimits: { MaxNumberOfTrainingJobs: maxJobs, MaxParallelTrainingJobs: 2 },
  });
  req.TrainingJobDefinition!.StaticHyperParameters = { mode: 'sleep' };
  await h.sm.send(new CreateHyperParameterTuningJobCommand(req));
  let trials: string[] = [];
  const deadline = Date.now() + 30_000;
  while (trials.length < 2) {
    if (Date.now() > deadline) throw new Error(`tuning job ${name} did not start 2 trials within 30 s`);
    const res = await h.sm.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }),
    );
    trials = res.TrainingJobSummaries!.map((t) => t.TrainingJobName!);
  }
  for (const trial of trials) await waitForLog(h.logs, 'TrainingJobs', trial, 'sleeping');
  return trials;
}
