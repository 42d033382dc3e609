import type { JobDescription } from '@mlops/aws';
import { ArtifactKind, BatchName } from '@mlops/db';
import type { JobRow } from '@mlops/db';
import {
  BatchDefinition,
  hasObjects,
  InputError,
  JobPlan,
  recordMetricSeries,
  RunContext,
  trainingSpecFor,
  prepareJobPlan,
  prepareTuningPlan,
  TuningPlan,
  tuningJobNameFor,
  tuningSpecFor,
} from '@mlops/pipeline-core';

/**
 * training: TrainingJob with the image's own `train`, channels train/validation/stats from preprocess,
 * config hyperparameters and metric definitions — or, when the model's config has `training.tuning`, a
 * HyperParameterTuningJob whose BestTrainingJob provides the model. Records the job(s), every trial, the
 * metric series, the model artifact, the checkpoint prefix and a new model version (pending evaluation).
 */
export const training: BatchDefinition<JobPlan | TuningPlan> = {
  batch: BatchName.Training,
  cli: {
    command: 'pipeline-training',
    summary:
      'Starts (or re-attaches to) the TrainingJob on the preprocessed splits of the run, with the ' +
      'hyperparameters and metric definitions from config, or the tuning job when the model configures ' +
      '`training.tuning` (the best trial is the model). Waits with progress and logs; records the job(s), ' +
      'every trial, the metric series, the model artifact and a new model version.',
  },
  prepare(ctx) {
    // Built and validated here so a bad hyperparameter or range is reported before any service is touched.
    const input = { roleArn: ctx.config.aws.roleArn, runId: ctx.runId, model: ctx.model, layout: ctx.layout };
    const tuning = tuningSpecFor(input);
    if (tuning)
      return prepareTuningPlan({ name: tuningJobNameFor(ctx.runId, ctx.model.name), spec: tuning });
    return prepareJobPlan({ kind: 'training', name: ctx.jobName(), spec: trainingSpecFor(input) });
  },
  async execute(ctx, plan) {
    if (!(await hasObjects(ctx.s3, ctx.layout.processed.train)))
      throw new InputError(
        `No training split at ${ctx.layout.processed.train}: run pipeline-preprocess for run ${ctx.runId} first`,
      );
    const { description, row, lines, hyperparameters } =
      plan.kind === 'tuning' ? await tune(ctx, plan) : await train(ctx, plan);
    const artifactUri = description.artifacts.modelArtifacts;
    if (!artifactUri)
      throw new Error(`${row.sagemakerName} completed without ModelArtifacts.S3ModelArtifacts`);
    await ctx.db.recordArtifact({
      uri: artifactUri,
      kind: ArtifactKind.Model,
      modelName: ctx.model.name,
      producedByJob: row.sagemakerName,
      pipelineRunId: row.pipelineRunId,
      metadata: { metrics: description.metrics, hyperparameters },
    });
    await ctx.db.recordArtifact({
      uri: ctx.layout.checkpoints,
      kind: ArtifactKind.Checkpoint,
      modelName: ctx.model.name,
      producedByJob: row.sagemakerName,
      pipelineRunId: row.pipelineRunId,
    });
    const version = await ctx.db.createModelVersion({
      modelName: ctx.model.name,
      artifactUri,
      trainingJobName: row.sagemakerName,
    });
    ctx.printer.info(`model version ${version.version} (${version.approvalStatus}): ${artifactUri}`);
    return [...lines, `model version ${version.version} ${version.approvalStatus} ${artifactUri}`];
  },
};

interface Trained {
  description: JobDescription;
  row: JobRow;
  lines: string[];
  /** What the model was trained with, as SageMaker passed them (strings). */
  hyperparameters: Record<string, string>;
}

async function train(ctx: RunContext, plan: JobPlan): Promise<Trained> {
  const { description, row, resolution } = await ctx.runJob(plan);
  const points = await recordMetricSeries(ctx, row.sagemakerName, ctx.model.training.metricDefinitions);
  const metrics = formatMetrics(description.metrics);
  return {
    description,
    row,
    hyperparameters: plan.kind === 'training' ? (plan.request.HyperParameters ?? {}) : {},
    lines: [`${row.sagemakerName} ${row.status} (${resolution}) ${metrics} series=${points}`.trim()],
  };
}

async function tune(ctx: RunContext, plan: TuningPlan): Promise<Trained> {
  const { best, bestRow, trials, resolution } = await ctx.runTuning(plan);
  const done = trials.filter((t) => t.status === 'Completed').length;
  const tuned = trials.find((t) => t.jobName === best.jobName)?.hyperparameters ?? {};
  return {
    description: best,
    row: bestRow,
    hyperparameters: {
      ...plan.request.TrainingJobDefinition?.StaticHyperParameters,
      ...tuned,
    },
    lines: [
      `${plan.name} (${resolution}) ${done}/${trials.length} trials completed`,
      `best ${bestRow.sagemakerName} ${formatMetrics(best.metrics)}`.trim(),
    ],
  };
}

function formatMetrics(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
