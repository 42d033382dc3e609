import { ArtifactKind, BatchName } from '@mlops/db';
import {
  BatchDefinition,
  hasObjects,
  InputError,
  JobPlan,
  processingSpecFor,
  prepareJobPlan,
} from '@mlops/pipeline-core';

const SPLITS = ['train', 'validation', 'test', 'stats'] as const;

/** preprocess: ProcessingJob `node main.js preprocess`, raw → train/validation/test splits + stats. */
export const preprocess: BatchDefinition<JobPlan> = {
  batch: BatchName.Preprocess,
  cli: {
    command: 'pipeline-preprocess',
    summary:
      "Starts (or re-attaches to) the preprocess ProcessingJob: the run's raw data → train / validation / " +
      'test splits and feature statistics. Waits with progress and logs; records the job and its outputs.',
  },
  prepare(ctx) {
    return prepareJobPlan({
      kind: 'processing',
      name: ctx.jobName(),
      spec: processingSpecFor({
        roleArn: ctx.config.aws.roleArn,
        runId: ctx.runId,
        model: ctx.model,
        job: 'preprocess',
        inputs: { raw: ctx.layout.raw },
        outputs: { ...ctx.layout.processed },
      }),
    });
  },
  async execute(ctx, plan) {
    if (!(await hasObjects(ctx.s3, ctx.layout.raw)))
      throw new InputError(
        `No raw data at ${ctx.layout.raw}: run pipeline-collection for run ${ctx.runId} first`,
      );
    const { row, resolution } = await ctx.runJob(plan);
    for (const split of SPLITS) {
      await ctx.db.recordArtifact({
        uri: ctx.layout.processed[split],
        kind: ArtifactKind.ProcessedData,
        modelName: ctx.model.name,
        producedByJob: row.sagemakerName,
        pipelineRunId: row.pipelineRunId,
        metadata: { split },
      });
    }
    return [
      `${row.sagemakerName} ${row.status} (${resolution}) → ${ctx.layout.processed.train.replace(/train\/$/, '')}`,
    ];
  },
};
