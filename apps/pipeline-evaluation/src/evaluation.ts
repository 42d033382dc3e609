import { ArtifactKind, BatchName } from '@mlops/db';
import {
  applyEvaluationGate,
  BatchDefinition,
  extractMetrics,
  formatChecks,
  InputError,
  processingSpecFor,
  readS3Text,
  prepareJobPlan,
} from '@mlops/pipeline-core';

/**
 * evaluation: ProcessingJob `node main.js evaluation` on this run's model and test split, then the gate:
 * every configured threshold passes → the model version is Approved, else Rejected (exit 0 either way:
 * the verdict is the result, recorded in the DB and printed).
 */
export const evaluation: BatchDefinition = {
  batch: BatchName.Evaluation,
  cli: {
    command: 'pipeline-evaluation',
    summary:
      "Starts (or re-attaches to) the evaluation ProcessingJob on the run's trained model and test split, " +
      'then gates on the configured thresholds: the model version becomes Approved or Rejected.',
  },
  async execute(ctx) {
    // What training recorded for this run: the version and its model.tar.gz, mounted as they are (a
    // one-object S3Prefix gives the container `<input>/model.tar.gz`, on AWS and locally).
    const version = await ctx.db.modelVersionOfRun(ctx.runId, ctx.model.name);
    if (!version)
      throw new InputError(
        `No model version trained in run ${ctx.runId} of model ${ctx.model.name}: ` +
          `run pipeline-training for this run first`,
      );
    const plan = prepareJobPlan({
      kind: 'processing',
      name: ctx.jobName(),
      spec: processingSpecFor({
        roleArn: ctx.config.aws.roleArn,
        runId: ctx.runId,
        model: ctx.model,
        job: 'evaluation',
        inputs: { model: version.artifactUri, test: ctx.layout.processed.test },
        outputs: { evaluation: ctx.layout.evaluation },
      }),
    });

    const { row, resolution } = await ctx.runJob(plan);
    const reportUri = `${ctx.layout.evaluation}evaluation.json`;
    let report: unknown;
    try {
      report = JSON.parse(await readS3Text(ctx.s3, reportUri));
    } catch (err) {
      throw new Error(`${reportUri}: cannot read the evaluation report: ${(err as Error).message}`);
    }
    const metrics = extractMetrics(report, reportUri);
    const pipelineRunId = row.pipelineRunId as number;
    for (const [uri, kind] of [
      [reportUri, ArtifactKind.EvaluationReport],
      [`${ctx.layout.evaluation}evaluation.svg`, ArtifactKind.Plot],
    ] as const) {
      await ctx.db.recordArtifact({
        uri,
        kind,
        modelName: ctx.model.name,
        producedByJob: row.sagemakerName,
        pipelineRunId,
      });
    }
    const gate = await applyEvaluationGate(ctx.db, {
      modelVersionId: version.id,
      metrics,
      thresholds: ctx.model.evaluation.thresholds,
      jobName: row.sagemakerName,
      pipelineRunId,
    });
    const verdict = gate.approved ? 'APPROVED' : 'REJECTED';
    for (const line of formatChecks(gate.evaluation)) ctx.printer.info(`gate: ${line}`);
    ctx.printer.info(`model version ${version.version}: ${verdict}`);
    return [
      `${row.sagemakerName} ${row.status} (${resolution})`,
      `model version ${version.version} ${verdict}: ${formatChecks(gate.evaluation).join(', ')}`,
    ];
  },
};
