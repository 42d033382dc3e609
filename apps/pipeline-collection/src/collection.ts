import { join, resolve } from 'node:path';
import { ArtifactKind, BatchName } from '@mlops/db';
import { BatchDefinition, collectRaw, InputError, ResolvedSource, resolveSource } from '@mlops/pipeline-core';

/**
 * collection: copies the model's configured `source` into the run's raw prefix and records the raw
 * data artifact with its dataset version (sha256 of the content). No SageMaker job.
 */
export const collection: BatchDefinition<ResolvedSource> = {
  batch: BatchName.Collection,
  cli: {
    command: 'pipeline-collection',
    summary:
      "Copies the model's raw data (config `source`: builtin:<dataset>, file:///path or s3://bucket/prefix) " +
      "into the run's raw S3 prefix and records its dataset version (sha256 of the content).",
    extraOptions: [
      {
        name: 'data-dir',
        valueName: 'dir',
        description: 'where builtin:<dataset> sources live (<dir>/<dataset>/*.csv)',
        defaultText: '<workspace>/data',
      },
    ],
  },
  prepare(ctx) {
    const source = ctx.model.source;
    if (!source) throw new InputError(`${ctx.config.file}: models.${ctx.model.name}.source is not set`);
    const dataDir = ctx.cli.extra['data-dir'] ?? join(ctx.workspaceRoot, 'data');
    return resolveSource(source, resolve(ctx.workspaceRoot, dataDir));
  },
  async execute(ctx, source) {
    const run = await ctx.ensureRun();
    const previous = (await ctx.db.listArtifacts({ pipelineRunId: run.id })).find(
      (a) => a.kind === ArtifactKind.RawData && a.uri === ctx.layout.raw,
    );
    const recorded = previous?.metadata?.datasetVersion;
    ctx.printer.info(`collecting ${source.source} → ${ctx.layout.raw}`);
    const data = await collectRaw(ctx.s3, source, ctx.layout.raw, {
      expectVersion: typeof recorded === 'string' ? recorded : undefined,
    });
    await ctx.db.recordArtifact({
      uri: data.uri,
      kind: ArtifactKind.RawData,
      modelName: ctx.model.name,
      pipelineRunId: run.id,
      metadata: {
        datasetVersion: data.datasetVersion,
        source: source.source,
        files: data.files.map((f) => ({ name: f.name, bytes: f.bytes })),
      },
    });
    ctx.printer.info(`dataset version ${data.datasetVersion} (${data.files.length} file(s))`);
    return [`raw data ${data.uri} (dataset version ${data.datasetVersion.slice(0, 12)})`];
  },
};
