import { ArtifactKind, BatchName } from '@mlops/db';
import {
  BatchDefinition,
  hasObjects,
  InputError,
  JobPlan,
  trainingSpecFor,
  prepareJobPlan,
} from '@mlops/pipeline-core';

/**
 * training: TrainingJob with the image's own `train`, channels train/validation/stats from preprocess,
 * config hyperparameters and metric definitions. Records the job (final metrics), the model artifact,
 * the checkpoint prefix and a new model version (pending evaluation).
 */
export const training: BatchDefinition<JobPlan> = {
  batch: BatchName.Training,
  cli: {
    command: 'pipeline-training',
    summary:
      'Starts (or re-attaches to) the TrainingJob on the preprocessed splits of the run, with the ' +
      'hyperparameters and metric definitions from config. Waits with progress and logs; records the job, ' +
      'its final metrics, the model artifact and a new model version.',
  },
  prepare(ctx) {
    // Built and validated here so a bad hyperparameter is reported before any service is touched.
    return prepareJobPlan({
      kind: 'training',
      name: ctx.jobName(),
      spec: trainingSpecFor({
        roleArn: ctx.config.aws.roleArn,
        runId: ctx.runId,
        model: ctx.model,
        layout: ctx.layout,
      }),
    });
  },
  async execute(ctx, plan) {
    if (!(await hasObjects(ctx.s3, ctx.layout.processed.train)))
      throw new InputError(
        `No training split at ${ctx.layout.processed.train}: run pipeline-preprocess for run ${ctx.runId} first`,
      );
    const { description, row, resolution } = await ctx.runJob(plan);
    const artifactUri = description.artifacts.modelArtifacts;
    if (!artifactUri)
      throw new Error(`${row.sagemakerName} completed without ModelArtifacts.S3ModelArtifacts`);
    await ctx.db.recordArtifact({
      uri: artifactUri,
      kind: ArtifactKind.Model,
      modelName: ctx.model.name,
      producedByJob: row.sagemakerName,
      pipelineRunId: row.pipelineRunId,
      metadata: { metrics: description.metrics },
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
    const metrics = Object.entries(description.metrics)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    ctx.printer.info(`model version ${version.version} (${version.approvalStatus}): ${artifactUri}`);
    return [
      `${row.sagemakerName} ${row.status} (${resolution}) ${metrics}`.trim(),
      `model version ${version.version} ${version.approvalStatus} ${artifactUri}`,
    ];
  },
};
