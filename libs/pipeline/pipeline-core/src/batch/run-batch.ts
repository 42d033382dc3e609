import { join, resolve } from 'node:path';
import { loadConfig, getModelConfig } from '@mlops/config-reader';
import type { DbAdapter } from '@mlops/db';
import { openDatabase } from '@mlops/db';
import { parseCli } from '../cli/parse-cli';
import { formatUsage } from '../cli/usage';
import { findWorkspaceRoot } from '../cli/workspace-root';
import type { BatchContext } from '../context/batch-context';
import { AwsClients, createAwsClients } from '../context/clients';
import { openRunContext } from '../context/open-run-context';
import { ExitCode } from '../errors/exit-codes';
import { exitCodeFor } from '../errors/exit-code-for';
import { BatchJobFailedError, BatchUsageError } from '../errors/pipeline-errors';
import { withEcrDigests } from '../cache/ecr-digests';
import { IMAGE_DIGESTS_ENV, imageDigestFor, parseImageDigests } from '../cache/image-digest';
import { runLayout } from '../layout/s3-layout';
import { jobNameFor } from '../naming/job-name';
import { credentialsFix, isCredentialsError } from '../preflight/check-credentials';
import { dockerCliProbe } from '../preflight/docker-probe';
import { IMAGES_CHECKED_ENV, imageCheckFor } from '../preflight/image-check-for';
import { preflight } from '../preflight/preflight';
import { ProgressPrinter } from '../progress/progress-printer';
import type { BatchDefinition } from './batch-definition';
import type { BatchIo } from './batch-io';

/**
 * The whole life of a batch invocation, returning its exit code:
 * parse argv → load config → resolve models → prepare (pure, all models) → pre-flight (placeholders,
 * S3 prefixes, sources, credentials, images) → open DB → execute per model → summary. Nothing is opened
 * before every model has prepared and passed the pre-flight, so bad input (exit 2) never leaves a job or
 * a row behind.
 */
export async function runBatch<P>(def: BatchDefinition<P>, io: BatchIo): Promise<number> {
  let clients: AwsClients | undefined;
  let db: DbAdapter | undefined;
  try {
    const parsed = parseCli(io.argv, def.cli, io.cwd);
    if (parsed.help) {
      io.stdout(formatUsage(def.cli));
      return ExitCode.Ok;
    }
    if (parsed.migrateOnly) {
      const config = loadConfig({ ...parsed.migrateOnly, processEnv: io.env });
      db = await openDatabase(config.db); // applies pending migrations
      io.stdout(`${def.cli.command}: migrations applied (${config.file})`);
      return ExitCode.Ok;
    }
    const cli = parsed.options;
    const workspaceRoot = findWorkspaceRoot(io.cwd);
    const config = loadConfig({ env: cli.env, configDir: cli.configDir, processEnv: io.env });
    const names = cli.allModels ? Object.keys(config.models).sort() : [cli.model as string];
    const prepared = names.map((name) => {
      const model = getModelConfig(config, name);
      const ctx: BatchContext = {
        batch: def.batch,
        cli,
        env: cli.env,
        runId: cli.runId,
        config,
        model,
        layout: runLayout(config.aws.bucket, model.s3Prefixes, cli.runId),
        workspaceRoot,
        jobName: (batch = def.batch) => jobNameFor(cli.runId, model.name, batch),
      };
      return { ctx, data: def.prepare ? def.prepare(ctx) : (undefined as P) };
    });

    const givenDigests = parseImageDigests(io.env[IMAGE_DIGESTS_ENV]);

    // Building SDK clients opens nothing; their credentials are resolved by the pre-flight, before the DB.
    const active = (io.createClients ?? createAwsClients)(config);
    clients = active;
    const images = imageCheckFor(config, {
      appsRoot: io.appsRoot ?? workspaceRoot,
      probe: io.dockerProbe ?? dockerCliProbe,
    });
    try {
      await preflight({
        config,
        models: names,
        batches: [def.batch],
        dataDir: resolve(workspaceRoot, cli.extra['data-dir'] ?? join(workspaceRoot, 'data')),
        // The main job checked the images for its stack's runtime already; a batch in a container could
        // not (no Docker CLI, no built apps inside), so it trusts that.
        images: io.env[IMAGES_CHECKED_ENV] === 'checked' ? undefined : (io.imageCheck ?? images.check),
        credentials: () => active.sagemaker.config.credentials(),
      });
    } finally {
      images.close();
    }
    // The pre-flight's DescribeImages answered the digests on AWS: the cache asks ECR only for the rest.
    const knownDigests = { ...Object.fromEntries(images.digests), ...givenDigests };

    const printer = new ProgressPrinter(io.stdout);
    db = await openDatabase(config.db);
    // Resolved on the first job only: a batch without jobs (collection) never asks ECR.
    let digests: Promise<Record<string, string>> | undefined;
    const cache = {
      reuse: !cli.noCache,
      imageDigest: async (image: string) => {
        digests ??= withEcrDigests(
          config,
          prepared.map((p) => p.ctx.model.image),
          knownDigests,
        );
        return imageDigestFor(image, await digests);
      },
      code: io.codeVersion ?? 'unversioned',
    };
    const signal = io.signal ?? new AbortController().signal;
    const summary: string[] = [];
    for (const { ctx, data } of prepared) {
      const run = openRunContext(ctx, { clients, db, printer, signal, pollMs: io.pollMs, cache });
      try {
        const lines = await def.execute(run, data);
        summary.push(...lines.map((l) => `${ctx.model.name}: ${l}`));
      } catch (err) {
        if (err instanceof BatchJobFailedError) {
          // The run failed for good: record it so reports show why (a rerun with a new id starts afresh).
          const row = await db.getPipelineRun(ctx.runId, ctx.model.name);
          if (row) await db.finishPipelineRun(row.id, 'Failed', err.message);
        }
        throw err;
      }
    }
    io.stdout(`\n${def.cli.command} done (run ${cli.runId}):`);
    for (const line of summary) io.stdout(`  ${line}`);
    return ExitCode.Ok;
  } catch (err) {
    const code = exitCodeFor(err);
    // Credentials that vanish mid-run (expired session) read like the pre-flight's line, without a stack.
    const message = isCredentialsError(err) ? credentialsFix(err) : ((err as Error)?.message ?? String(err));
    for (const line of message.split('\n')) io.stderr(`${def.cli.command}: ${line}`);
    if (err instanceof BatchUsageError) io.stderr(`\n${formatUsage(def.cli)}`);
    else if (
      code === ExitCode.JobFailed &&
      !(err instanceof BatchJobFailedError) &&
      !isCredentialsError(err) &&
      err instanceof Error &&
      err.stack
    )
      io.stderr(err.stack);
    return code;
  } finally {
    clients?.destroy();
    await db?.close();
  }
}
