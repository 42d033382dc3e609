import { ArtifactKind, BatchName, PipelineRunStatus } from '@mlops/db';
import {
  BatchDefinition,
  BatchJobFailedError,
  NoApprovedModelError,
  processingSpecFor,
  readS3Text,
  prepareJobPlan,
} from '@mlops/pipeline-core';

/**
 * inference: ProcessingJob `node main.js inference` with the LATEST APPROVED model version (not
 * necessarily this run's) on the run's test split or `--input`. No approved version → exit 2, nothing
 * started and no row written. Last batch of a run: marks the pipeline run Succeeded.
 */
export const inference: BatchDefinition = {
  batch: BatchName.Inference,
  cli: {
    command: 'pipeline-inference',
    summary:
      'Starts (or re-attaches to) the inference ProcessingJob with the latest approved model version and ' +
      "writes predictions.csv under the run's inference prefix. Refuses (exit 2) when no version is approved.",
    extraOptions: [
      {
        name: 'input',
        valueName: 's3-uri',
        description: 'S3 prefix of the CSV data to predict on',
        defaultText: "the run's test split",
      },
    ],
  },
  async execute(ctx) {
    const version = await ctx.db.latestApprovedModelVersion(ctx.model.name);
    if (!version) throw new NoApprovedModelError(ctx.model.name);
    const inputUri = ctx.cli.extra['input'] ?? ctx.layout.processed.test;
    const plan = prepareJobPlan({
      kind: 'processing',
      name: ctx.jobName(),
      spec: processingSpecFor({
        roleArn: ctx.config.aws.roleArn,
        runId: ctx.runId,
        model: ctx.model,
        job: 'inference',
        inputs: { model: version.artifactUri, data: inputUri },
        outputs: { predictions: ctx.layout.inference },
      }),
    });
    ctx.printer.info(`using model version ${version.version} (${version.artifactUri})`);

    const base = {
      modelVersionId: version.id,
      inputUri,
      outputUri: ctx.layout.inference,
      jobName: ctx.jobName(),
    };
    let result;
    try {
      result = await ctx.runJob(plan);
    } catch (err) {
      if (err instanceof BatchJobFailedError) {
        const run = await ctx.ensureRun();
        await ctx.db.recordInferenceRun({
          ...base,
          pipelineRunId: run.id,
          status: 'Failed',
          endedAt: new Date(),
        });
      }
      throw err;
    }
    const { row, resolution, description } = result;
    const predictionsUri = `${ctx.layout.inference}predictions.csv`;
    const records = countCsvRecords(await readS3Text(ctx.s3, predictionsUri));
    const pipelineRunId = row.pipelineRunId as number;
    await ctx.db.recordArtifact({
      uri: predictionsUri,
      kind: ArtifactKind.Predictions,
      modelName: ctx.model.name,
      producedByJob: row.sagemakerName,
      pipelineRunId,
      metadata: { records, modelVersion: version.version },
    });
    await ctx.db.recordInferenceRun({
      ...base,
      pipelineRunId,
      status: 'Completed',
      recordCount: records,
      endedAt: description.endTime ?? new Date(),
    });
    await ctx.db.finishPipelineRun(pipelineRunId, PipelineRunStatus.Succeeded);
    return [
      `${row.sagemakerName} ${row.status} (${resolution}) model version ${version.version}`,
      `${records} prediction(s) → ${predictionsUri}`,
    ];
  },
};

/** Data rows of a CSV with a header line. */
export function countCsvRecords(csv: string): number {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  return Math.max(0, lines.length - 1);
}
