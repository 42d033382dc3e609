import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hostNames, layoutProcessingHost } from '../data/layout';
import { localPath, requireLocalDir } from '../data/transfer';
import { PROCESSING_LOG_GROUP } from '../logs/log-store';
import { mapOptMlPath } from '../runtime/path-map';
import type { HostSpec, Mount } from '../runtime/types';
import type { JobRecord } from '../state/types';
import type { CreateProcessingJobRequest } from './requests';
import { readFirst } from './artifacts';
import { JobContext, transition, truncate } from './context';
import { CannotAdoptError, execute } from './execute';
import type { RunControl } from './job-control';

/**
 * Runs a processing job. `s3://` inputs are downloaded once and mounted at their LocalPath; `file://`
 * inputs and outputs are mounted in place (no S3 round trip). `s3://` outputs are uploaded from each
 * host's LocalPath at the end.
 */
export async function runProcessingJob(
  ctx: JobContext,
  job: JobRecord,
  control: RunControl,
  adopt = false,
): Promise<void> {
  const req = job.request as CreateProcessingJobRequest;
  const image = req.AppSpecification.ImageUri;
  const workDir =
    adopt && job.workDir ? job.workDir : join(ctx.workDir, `${job.name}-${randomBytes(3).toString('hex')}`);
  let ran = false;
  try {
    const hosts = hostNames(req.ProcessingResources.ClusterConfig.InstanceCount);
    const outputs = req.ProcessingOutputConfig?.Outputs ?? [];
    let hostDirs = hosts.map((h) => join(workDir, h));
    const mounts: Mount[] = [];
    if (!adopt) {
      ctx.store.update(job, { workDir });
      hostDirs = hosts.map((h) => layoutProcessingHost(join(workDir, h), req, job.arn, h, hosts));
      transition(ctx, job, 'Downloading', 'Downloading input data');
      mounts.push(...(await stageInputs(ctx, req, workDir)));
      for (const output of outputs) {
        const { S3Uri, LocalPath } = output.S3Output;
        if (S3Uri.startsWith('file://')) {
          mkdirSync(localPath(S3Uri), { recursive: true });
          mounts.push({ hostPath: localPath(S3Uri), containerPath: LocalPath });
        } else {
          // Output dirs exist before the entrypoint starts, as on SageMaker.
          for (const dir of hostDirs) mkdirSync(mapOptMlPath(LocalPath, dir), { recursive: true });
        }
      }
      if (control.stopReason) return finish(ctx, job, 'Stopped');

      transition(ctx, job, 'Processing', 'Processing in progress');
      ctx.store.update(job, { startTime: Date.now() });
    }
    const specs: HostSpec[] = hosts.map((host, i) => ({ host, optMlDir: hostDirs[i], mounts }));
    ran = true;
    const exits = await execute(
      ctx,
      job,
      control,
      {
        jobName: job.name,
        kind: 'processing',
        image,
        hosts: specs,
        entrypoint: req.AppSpecification.ContainerEntrypoint,
        args: req.AppSpecification.ContainerArguments,
        env: { ...ctx.jobEnv, ...req.Environment },
        gpu: req.ProcessingResources.ClusterConfig.InstanceType === 'local_gpu',
        stopSignal: 'SIGINT',
      },
      {
        logGroup: PROCESSING_LOG_GROUP,
        maxRuntimeSeconds: req.StoppingCondition?.MaxRuntimeInSeconds,
        adopt,
      },
    );
    await ctx.runtime.reclaimDir(workDir, image);
    for (const m of mounts.filter((m) => !m.readOnly && !m.hostPath.startsWith(workDir)))
      await ctx.runtime.reclaimDir(m.hostPath, image);
    ran = false;
    const message = hostDirs.map((d) => readFirst([join(d, 'output/message')]) ?? '').join('');
    if (message) ctx.store.update(job, { exitMessage: truncate(message) });

    const failed = exits.filter((e) => e.exitCode !== 0);
    if (!control.stopReason && failed.length > 0) {
      const first = failed[0];
      const reason = first.error
        ? `ClientError: ${first.error}`
        : `AlgorithmError: See job logs for more information (exit code ${first.exitCode} on ${first.host})`;
      return finish(ctx, job, 'Failed', truncate(reason));
    }

    transition(ctx, job, 'Uploading', 'Uploading processing outputs');
    for (const output of outputs) {
      const { S3Uri, LocalPath } = output.S3Output;
      if (S3Uri.startsWith('file://')) continue;
      for (const dir of hostDirs) await ctx.transfer.uploadDir(mapOptMlPath(LocalPath, dir), S3Uri);
    }
    if (control.stopReason === 'MaxRuntimeExceeded')
      return finish(ctx, job, 'Stopped', 'MaxRuntimeExceeded: the job ran longer than MaxRuntimeInSeconds');
    return finish(ctx, job, control.stopReason ? 'Stopped' : 'Completed');
  } catch (err) {
    if (err instanceof CannotAdoptError) {
      await ctx.runtime.removeLeftovers(job.name, job.run);
      return finish(ctx, job, 'Failed', truncate(`InternalServerError: ${err.message}`));
    }
    return finish(ctx, job, 'Failed', truncate(`ClientError: ${(err as Error).message}`));
  } finally {
    if (ran) await ctx.runtime.reclaimDir(workDir, image).catch(() => undefined);
    if (!ctx.keepWorkDirs) rmSync(workDir, { recursive: true, force: true });
  }
}

/** `s3://` inputs are downloaded once and mounted at their LocalPath; `file://` inputs are used in place. */
function stageInputs(ctx: JobContext, req: CreateProcessingJobRequest, workDir: string): Promise<Mount[]> {
  return Promise.all(
    (req.ProcessingInputs ?? []).map(async (input): Promise<Mount> => {
      const { S3Uri, LocalPath } = input.S3Input;
      if (S3Uri.startsWith('file://'))
        return {
          hostPath: requireLocalDir(S3Uri, `input '${input.InputName}'`),
          containerPath: LocalPath,
          readOnly: true,
        };
      const dir = join(workDir, 'data', `input-${hostSafe(input.InputName)}`);
      mkdirSync(dir, { recursive: true });
      await ctx.transfer.download(S3Uri, dir);
      return { hostPath: dir, containerPath: LocalPath };
    }),
  );
}

const hostSafe = (name: string) => encodeURIComponent(name);

function finish(
  ctx: JobContext,
  job: JobRecord,
  status: 'Completed' | 'Failed' | 'Stopped',
  failureReason?: string,
) {
  transition(ctx, job, status, `Processing job ${status.toLowerCase()}`, true);
  ctx.store.update(job, {
    status,
    endTime: Date.now(),
    ...(failureReason !== undefined ? { failureReason } : {}),
  });
}
