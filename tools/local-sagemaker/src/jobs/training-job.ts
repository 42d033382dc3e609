import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { layoutTrainingHost } from '../data/layout';
import { requireLocalDir } from '../data/transfer';
import { TRAINING_LOG_GROUP } from '../logs/log-store';
import { MetricParser } from '../metrics/metric-parser';
import type { HostSpec, Mount } from '../runtime/types';
import type { JobRecord } from '../state/types';
import type { CreateTrainingJobRequest } from './requests';
import { readFirst, uploadTrainingArtifacts } from './artifacts';
import { channelReaches, trainingCluster } from './cluster';
import { JobContext, transition, truncate } from './context';
import { CannotAdoptError, execute } from './execute';
import type { RunControl } from './job-control';

/**
 * Runs a training job from Starting to Completed / Failed / Stopped, updating the record at each step.
 * With `adopt`, picks up a job whose processes a dead emulator started (see execute).
 */
export async function runTrainingJob(
  ctx: JobContext,
  job: JobRecord,
  control: RunControl,
  adopt = false,
): Promise<void> {
  const req = job.request as CreateTrainingJobRequest;
  const workDir =
    adopt && job.workDir ? job.workDir : join(ctx.workDir, `${job.name}-${randomBytes(3).toString('hex')}`);
  const metrics = new MetricParser(req.AlgorithmSpecification.MetricDefinitions);
  let ran = false;
  try {
    const cluster = trainingCluster(req.ResourceConfig);
    let hostDirs = cluster.map((h) => join(workDir, h.host));
    let mounts: Mount[] = [];
    if (!adopt) {
      ctx.store.update(job, { workDir });
      hostDirs = cluster.map((h) => layoutTrainingHost(join(workDir, h.host), req, h, cluster));
      transition(ctx, job, 'Downloading', 'Downloading input data');
      mounts = await stageChannels(ctx, req, workDir);
      if (req.CheckpointConfig) {
        const checkpoints = req.CheckpointConfig.S3Uri;
        await Promise.all(hostDirs.map((d) => ctx.transfer.download(checkpoints, join(d, 'checkpoints'))));
      }
      if (control.stopReason) return finish(ctx, job, control.stopReason, metrics);

      transition(ctx, job, 'Training', 'Training image download completed. Training in progress.');
      ctx.store.update(job, { startTime: Date.now() });
    }
    // A re-adopted job's hosts already have their mounts; a new one gets only its groups' channels.
    const specs: HostSpec[] = cluster.map((h, i) => ({
      host: h.host,
      optMlDir: hostDirs[i],
      mounts: mounts.filter((_, c) => channelReaches(req.InputDataConfig![c], h)),
    }));
    const arn = job.arn;
    ran = true;
    const exits = await execute(
      ctx,
      job,
      control,
      {
        jobName: job.name,
        kind: 'training',
        image: req.AlgorithmSpecification.TrainingImage,
        hosts: specs,
        entrypoint: req.AlgorithmSpecification.ContainerEntrypoint,
        args: req.AlgorithmSpecification.ContainerArguments,
        env: { ...ctx.jobEnv, ...req.Environment, TRAINING_JOB_NAME: job.name, TRAINING_JOB_ARN: arn },
        gpu: cluster.some((h) => h.instanceType === 'local_gpu'),
        stopSignal: 'SIGTERM',
      },
      {
        logGroup: TRAINING_LOG_GROUP,
        maxRuntimeSeconds: req.StoppingCondition.MaxRuntimeInSeconds,
        metrics,
        adopt,
      },
    );
    await ctx.runtime.reclaimDir(workDir, req.AlgorithmSpecification.TrainingImage);
    ran = false;
    ctx.store.update(job, { finalMetrics: metrics.final() });

    const failed = exits.filter((e) => e.exitCode !== 0);
    if (!control.stopReason && failed.length > 0) {
      const failure = readFirst([...failed, ...exits].map((e) => join(workDir, e.host, 'output/failure')));
      const first = failed[0];
      const reason =
        failure?.trim() ||
        (first.error
          ? `ClientError: ${first.error}`
          : `AlgorithmError: See job logs for more information (exit code ${first.exitCode} on ${first.host})`);
      return finish(ctx, job, 'Failed', metrics, truncate(reason));
    }

    transition(ctx, job, 'Uploading', 'Uploading generated training model');
    const modelArtifacts = await uploadTrainingArtifacts(
      ctx,
      workDir,
      hostDirs,
      req.OutputDataConfig.S3OutputPath,
      job.name,
    );
    if (req.CheckpointConfig)
      await ctx.transfer.uploadDir(join(hostDirs[0], 'checkpoints'), req.CheckpointConfig.S3Uri);
    ctx.store.update(job, { modelArtifacts });
    return finish(ctx, job, control.stopReason ?? 'Completed', metrics);
  } catch (err) {
    if (err instanceof CannotAdoptError) {
      await ctx.runtime.removeLeftovers(job.name, job.run);
      return finish(ctx, job, 'Failed', metrics, truncate(`InternalServerError: ${err.message}`));
    }
    return finish(ctx, job, 'Failed', metrics, truncate(`ClientError: ${(err as Error).message}`));
  } finally {
    if (ran)
      await ctx.runtime.reclaimDir(workDir, req.AlgorithmSpecification.TrainingImage).catch(() => undefined);
    if (!ctx.keepWorkDirs) rmSync(workDir, { recursive: true, force: true });
  }
}

async function stageChannels(
  ctx: JobContext,
  req: CreateTrainingJobRequest,
  workDir: string,
): Promise<Mount[]> {
  return Promise.all(
    (req.InputDataConfig ?? []).map(async (ch): Promise<Mount> => {
      const containerPath = `/opt/ml/input/data/${ch.ChannelName}`;
      const uri = ch.DataSource.S3DataSource?.S3Uri ?? ch.DataSource.FileDataSource?.FileUri ?? '';
      if (uri.startsWith('file://'))
        return {
          hostPath: requireLocalDir(uri, `channel '${ch.ChannelName}'`),
          containerPath,
          readOnly: true,
        };
      const dir = join(workDir, 'data', ch.ChannelName);
      mkdirSync(dir, { recursive: true });
      await ctx.transfer.download(uri, dir);
      return { hostPath: dir, containerPath };
    }),
  );
}

const FINAL_MESSAGES: Record<string, string> = {
  Completed: 'Training job completed',
  Failed: 'Training job failed',
  Stopped: 'Training job stopped by user',
  MaxRuntimeExceeded: 'Training job stopped: MaxRuntimeInSeconds exceeded',
};

function finish(
  ctx: JobContext,
  job: JobRecord,
  outcome: 'Completed' | 'Failed' | 'Stopped' | 'MaxRuntimeExceeded',
  metrics: MetricParser,
  failureReason?: string,
): void {
  transition(ctx, job, outcome, FINAL_MESSAGES[outcome], true);
  const now = Date.now();
  ctx.store.update(job, {
    status: outcome === 'MaxRuntimeExceeded' ? 'Stopped' : outcome,
    endTime: now,
    finalMetrics: metrics.final(),
    ...(failureReason !== undefined ? { failureReason } : {}),
  });
}
