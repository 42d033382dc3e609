import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getModelConfig, loadConfig, MlopsConfig } from '@mlops/config-reader';
import { AwsEndpointConfig, createSageMakerClient } from '@mlops/aws';
import {
  DockerProbe,
  dockerCliProbe,
  endpointConfig,
  ImageCheck,
  imageCheckFor,
  IMAGE_DIGESTS_ENV,
  IMAGES_CHECKED_ENV,
  isLocalEndpoint,
  preflight,
} from '@mlops/pipeline-core';
import type { BatchesOption, RuntimeOption } from '../cli/parse-args';
import { LocalPipelineUsageError } from '../cli/usage-error';
import { bundlePath, missingBundles } from '../batches/bundle-path';
import { batchMounts } from '../batches/batch-mounts';
import { checkBatchImages } from '../batches/batch-images';
import { batchContainerName, batchImage, forwardedEnvNames } from '../batches/docker-run-args';
import { PHASES, Phase } from '../batches/phases';
import { BatchResult, batchArgs, RunningBatch, runBatch } from '../batches/run-batch';
import { removeRunContainers, runDockerBatch } from '../batches/run-docker-batch';
import { Progress } from '../progress/progress';
import { formatDuration } from '../progress/format-duration';
import { buildReport } from '../report/build-report';
import { chooseRuntime } from '../stack/choose-runtime';
import { imageDigests } from '../stack/image-digests';
import { defaultStackCli, LocalStack, stackStateDir, startStack } from '../stack/start-stack';
import { formatSummaryTable } from '../summary/format-table';
import { buildSummaryRows, SummaryRow } from '../summary/summary-rows';
import { buildChildEnv } from './child-env';
import { assertRunId, newRunId } from './run-id';

export interface RunPipelineOptions {
  env: string;
  /** Default: every model of the config. */
  models?: string[];
  /** Default: `local.runtime` of the config. */
  runtime?: RuntimeOption;
  /** Where the batch CLIs run: host processes (default) or `pipeline-<phase>:latest` containers. */
  batches?: BatchesOption;
  /** Default: a new id. Reuse one to resume a run. */
  runId?: string;
  /** `--no-cache`: every batch launches its job even when an earlier run's step has the same content key. */
  noCache?: boolean;
  /** Models run side by side (each still runs its five batches in order). Default 1. */
  parallel?: number;
  configDir: string;
  /** Holds `apps/pipeline-<phase>/dist/main.js` and `apps/container-<m>/dist`. */
  repoRoot: string;
  /** Progress, batch output and the summary. */
  write: (text: string) => void;
  processEnv?: NodeJS.ProcessEnv;
  dockerProbe?: DockerProbe;
  /** Aborting (Ctrl-C) detaches the running batch from its job (which keeps running) and skips the rest. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Seconds a batch gets after SIGINT before SIGKILL. Default 10. */
  interruptGraceSeconds?: number;
  /**
   * AWS environments only: what only AWS answers (credentials from the SDK chain, ECR DescribeImages), for
   * tests. Default: the SDK default credential chain and ECR of the config's region.
   */
  aws?: { credentials: () => Promise<unknown>; imageCheck: ImageCheck };
  /** The built local-sagemaker CLI that runs the local stack. Default: `<repoRoot>/tools/local-sagemaker/dist/cli.js`. */
  stackCli?: string;
}

export interface PipelineOutcome {
  /** 0 all batches ok, 1 a batch failed, 130 interrupted. Bad input throws (exit code 2) instead. */
  exitCode: number;
  runId: string;
  runtime: string;
  reportPath?: string;
  rows: SummaryRow[];
  batches: BatchResult[];
  wallTimeMs: number;
}

/**
 * The main job: validates everything first (config, models, run id, built bundles or batch images, then the
 * pre-flight of every plan: errors → exit 2 with nothing started), starts the local stack when the config is local, runs the five batches for each model
 * as child processes (or, with `batches: 'docker'`, containers of their images), then prints the summary
 * and writes the HTML report. The stack is always stopped.
 */
export async function runPipeline(options: RunPipelineOptions): Promise<PipelineOutcome> {
  const processEnv = options.processEnv ?? process.env;
  const configDir = resolve(options.configDir);
  const config = loadConfig({ env: options.env, configDir, processEnv });
  const models = options.models ?? Object.keys(config.models);
  if (models.length === 0) throw new LocalPipelineUsageError(`${config.file}: no models configured`);
  for (const model of models) getModelConfig(config, model);
  const runId = options.runId !== undefined ? assertRunId(options.runId) : newRunId();
  const batchRunner = options.batches ?? 'process';
  if (batchRunner === 'docker') await checkBatchImages(options.dockerProbe ?? dockerCliProbe);
  else {
    const bundles = missingBundles(options.repoRoot);
    if (bundles.missing.length > 0)
      throw new LocalPipelineUsageError(
        `Batch bundle(s) not built: ${bundles.missing.join(', ')}; ${bundles.hint}`,
      );
  }

  const local = isLocalEndpoint(config.aws.endpoints.sagemaker);
  const stackCli = options.stackCli ?? defaultStackCli(options.repoRoot);
  if (local && !existsSync(stackCli))
    throw new LocalPipelineUsageError(
      `local-sagemaker CLI not built: ${stackCli}; run \`npx nx run local-sagemaker:build\``,
    );
  const probe = options.dockerProbe ?? dockerCliProbe;
  // Probes only (docker version / image inspect): the runtime decides which local image check applies.
  const decision = local
    ? await chooseRuntime(
        options.runtime ?? config.local.runtime,
        models.map((m) => getModelConfig(config, m).image),
        probe,
      )
    : undefined;
  await preflightAll({ options, config, models, probe, runtime: decision?.runtime });

  const progress = new Progress({ write: options.write, heartbeatMs: options.heartbeatMs });
  let stack: LocalStack | undefined;
  let runtime = 'aws';
  try {
    if (decision) {
      progress.info(`Runtime: ${decision.runtime} (${decision.reason})`);
      stack = await startStack({ config, runtime: decision.runtime, appsRoot: options.repoRoot, stackCli });
      runtime = stack.runtime;
      if (stack.reused && stack.runtime !== decision.runtime)
        progress.info(`Runtime: ${stack.runtime} (the local stack already running uses it)`);
      progress.info(
        `Local stack${stack.reused ? ' (already running, reused)' : ''}: pid ${stack.pid}, ` +
          `SageMaker+Logs ${stack.sagemakerEndpoint}, S3 ${stack.s3Endpoint} (bucket ${config.aws.bucket}), ` +
          `state ${stackStateDir(config)}`,
      );
    } else {
      progress.info(`Environment ${config.env}: SageMaker endpoint of the config (AWS), no local stack`);
    }
    progress.info(`Run id: ${runId} · models: ${models.join(', ')} · env: ${config.env}`);
    const digests = stack
      ? await imageDigests(
          stack.runtime,
          models.map((m) => getModelConfig(config, m).image),
          options.repoRoot,
        )
      : {};
    // The pre-flight above checked every image for the stack's runtime (or ECR): the batches need not.
    const childEnv = buildChildEnv(processEnv, {
      ...(stack?.childEnv ?? {}),
      [IMAGES_CHECKED_ENV]: 'checked',
      ...(stack ? { [IMAGE_DIGESTS_ENV]: JSON.stringify(digests) } : {}),
    });
    if (options.noCache) progress.info('Step cache: off (--no-cache), every job is launched');
    if (batchRunner === 'docker') {
      const stale = await removeRunContainers(runId);
      if (stale.length > 0)
        progress.info(`Removed container(s) left by an earlier attempt: ${stale.join(', ')}`);
      progress.info(
        `Batches: docker (images pipeline-<phase>:latest, containers lp-${runId}-<model>-<phase>)`,
      );
    }

    const batches = await runAllBatches({ options, config, models, runId, childEnv, progress, configDir });
    const interrupted = options.signal?.aborted === true;
    const wallTimeMs = progress.elapsedMs();
    if (interrupted) {
      progress.info(`\nInterrupted after ${formatDuration(wallTimeMs)}.`);
      return { exitCode: 130, runId, runtime, rows: [], batches, wallTimeMs };
    }
    const report = await buildReport({
      db: config.db,
      s3: reportS3Config(config, stack),
      reportDir: config.reportDir,
      runId,
      env: config.env,
      runtime,
      models,
      batches,
      wallTimeMs,
      logsDir: stack ? join(stackStateDir(config), 'logs') : undefined,
    });
    const rows = buildSummaryRows(report.data.models, batches);
    progress.info(`\nSummary of run ${runId} (${runtime} runtime, ${formatDuration(wallTimeMs)}):\n`);
    progress.info(formatSummaryTable(rows));
    progress.info(`Report: ${report.path}`);
    const failed = batches.some((b) => b.exitCode !== 0) || rows.some((r) => !r.ok);
    return { exitCode: failed ? 1 : 0, runId, runtime, reportPath: report.path, rows, batches, wallTimeMs };
  } finally {
    progress.stop();
    if (stack) await releaseStack(stack, runId, config, progress);
  }
}

/**
 * Every plan of every selected model and batch, before the stack starts and before any row, S3 write or
 * job: placeholders, S3 prefixes, sources, images (the local stack's runtime, or ECR) and, on AWS,
 * credentials (locally the stack hands out its own key pair). Throws PreflightError (exit 2).
 */
async function preflightAll(input: {
  options: RunPipelineOptions;
  config: MlopsConfig;
  models: string[];
  probe: DockerProbe;
  runtime: 'docker' | 'process' | undefined;
}): Promise<void> {
  const { options, config, models, probe, runtime } = input;
  const dataDir = join(options.repoRoot, 'data');
  if (runtime) {
    const images = imageCheckFor(config, { appsRoot: options.repoRoot, probe, runtime });
    return preflight({ config, models, batches: PHASES, dataDir, images: images.check });
  }
  if (options.aws)
    return preflight({
      config,
      models,
      batches: PHASES,
      dataDir,
      images: options.aws.imageCheck,
      credentials: options.aws.credentials,
    });
  const sagemaker = createSageMakerClient(endpointConfig(config, config.aws.endpoints.sagemaker));
  const images = imageCheckFor(config, { appsRoot: options.repoRoot, probe });
  try {
    await preflight({
      config,
      models,
      batches: PHASES,
      dataDir,
      images: images.check,
      credentials: () => sagemaker.config.credentials(),
    });
  } finally {
    images.close();
    sagemaker.destroy();
  }
}

/**
 * The end of a run: the stack this tool started is stopped, unless a job still runs on it (a Ctrl-C
 * detaches the batches from their jobs): then it is left running for the rerun to re-attach.
 */
async function releaseStack(stack: LocalStack, runId: string, config: MlopsConfig, progress: Progress) {
  const active = await stack.activeJobs().catch(() => []);
  if (active.length === 0) return stack.stop();
  progress.info(
    `The local stack (pid ${stack.pid}) keeps running: job(s) ${active.join(', ')} still run on it.\n` +
      `  Re-attach: rerun with --run-id ${runId}` +
      ` · stop it and its jobs: node tools/local-sagemaker/dist/cli.js stop --state-dir ${stackStateDir(config)}`,
  );
}

interface BatchLoopInput {
  options: RunPipelineOptions;
  config: MlopsConfig;
  models: string[];
  runId: string;
  childEnv: NodeJS.ProcessEnv;
  progress: Progress;
  configDir: string;
}

/**
 * Each model runs its five batches in order; up to `parallel` models at once. A failed batch skips the
 * rest of its model; the other models still run.
 */
async function runAllBatches(input: BatchLoopInput): Promise<BatchResult[]> {
  const { models } = input;
  const results: BatchResult[] = [];
  const counter = { step: 0, steps: models.length * PHASES.length };
  const queue = [...models];
  const lanes = Math.max(1, Math.min(input.options.parallel ?? 1, models.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let model = queue.shift(); model !== undefined; model = queue.shift())
        await runModel(input, model, counter, results);
    }),
  );
  return results;
}

async function runModel(
  input: BatchLoopInput,
  model: string,
  counter: { step: number; steps: number },
  results: BatchResult[],
): Promise<void> {
  const { options, progress } = input;
  for (const phase of PHASES) {
    if (options.signal?.aborted) return;
    progress.phaseStart(model, phase, ++counter.step, counter.steps);
    const running = startBatch(input, model, phase, (line) => progress.line(model, phase, line));
    const result = await untilDoneOrInterrupted(running, options);
    progress.phaseEnd(result);
    results.push(result);
    if (result.exitCode !== 0) {
      const skipped = PHASES.length - PHASES.indexOf(phase) - 1;
      if (skipped > 0 && !options.signal?.aborted)
        progress.info(`  skipping the remaining ${skipped} phase(s) of ${model}`);
      counter.step += skipped;
      return;
    }
  }
}

/** The batch as a host process of its bundle, or as a container of its image (`--batches docker`). */
function startBatch(
  input: BatchLoopInput,
  model: string,
  phase: Phase,
  onLine: (line: string) => void,
): RunningBatch {
  const { options, config, runId, configDir, childEnv } = input;
  const inv = { phase, model, env: config.env, runId, configDir, noCache: options.noCache === true };
  if ((options.batches ?? 'process') === 'process')
    return runBatch(
      { ...inv, bundle: bundlePath(options.repoRoot, phase), cwd: options.repoRoot, childEnv },
      onLine,
    );
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  return runDockerBatch(
    inv,
    {
      image: batchImage(phase),
      name: batchContainerName(runId, model, phase),
      runId,
      cwd: options.repoRoot,
      mounts: batchMounts({ config, configDir, repoRoot: options.repoRoot, phase, model }),
      envNames: forwardedEnvNames(childEnv),
      user: uid !== undefined && gid !== undefined ? `${uid}:${gid}` : undefined,
      command: batchArgs(inv),
    },
    childEnv,
    onLine,
  );
}

/** On abort: SIGINT (the batch detaches from its job, which keeps running), then SIGKILL after the grace period. */
async function untilDoneOrInterrupted(
  running: RunningBatch,
  options: RunPipelineOptions,
): Promise<BatchResult> {
  const { signal } = options;
  if (!signal) return running.done;
  const graceMs = (options.interruptGraceSeconds ?? 10) * 1000;
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = (): void => {
    running.child.kill('SIGINT');
    killTimer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await running.done;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
  }
}

function reportS3Config(config: MlopsConfig, stack: LocalStack | undefined): AwsEndpointConfig {
  if (stack) {
    return {
      region: config.aws.region,
      endpoint: stack.s3Endpoint,
      forcePathStyle: true,
      credentials: {
        accessKeyId: stack.childEnv.AWS_ACCESS_KEY_ID,
        secretAccessKey: stack.childEnv.AWS_SECRET_ACCESS_KEY,
      },
    };
  }
  return {
    region: config.aws.region,
    endpoint: config.aws.endpoints.s3,
    forcePathStyle: config.aws.forcePathStyle,
    maxAttempts: config.aws.maxAttempts,
    retryMode: config.aws.retryMode,
  };
}
