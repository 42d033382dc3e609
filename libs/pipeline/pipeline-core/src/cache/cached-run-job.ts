import type { S3Client } from '@aws-sdk/client-s3';
import { objectExists } from '@mlops/aws';
import type { JobDescription } from '@mlops/aws';
import type { BatchName, JobRow, StepCacheHit } from '@mlops/db';
import { recordJobStarted } from '../record/record-job';
import { runJob, RunJobDeps, RunJobResult } from '../resume/run-job';
import { describeIfExists } from '../sagemaker/describe-if-exists';
import type { JobPlan } from '../specs/job-plan';
import { stepCacheKey } from './cache-key';
import { copyPrefix } from './copy-prefix';
import { s3ContentVersion } from './input-version';
import { normaliseRequest } from './normalise-request';
import { modelArtifactsUri, stepOutputs } from './step-outputs';

export interface StepCacheOptions {
  /** false (`--no-cache`): always launch; the result is still recorded for later runs. */
  reuse: boolean;
  runId: string;
  s3: S3Client;
  /** The content digest of an image, undefined when unknown (batch/run-batch: env map, URI pin, ECR). */
  imageDigest(image: string): Promise<string | undefined>;
  /** Hash of the batch code (its bundle). */
  code: string;
}

type Owner = { batch: BatchName; modelName: string; pipelineRunId: number };

/**
 * runJob with content-keyed step caching (SageMaker Pipelines' CacheConfig): a step whose inputs,
 * request, image and code match a completed step of an earlier run copies that step's outputs to its
 * own locations and is recorded Completed with the source job, instead of launching. A job this run
 * already knows (recorded or on SageMaker) always goes through runJob's resume logic. An image without
 * a known digest is never cached.
 */
export async function runJobCached(
  deps: RunJobDeps,
  owner: Owner,
  plan: JobPlan,
  cache: StepCacheOptions,
): Promise<RunJobResult> {
  const cacheKey = await keyOf(plan, cache);
  if (cacheKey === undefined) {
    deps.printer.info(`${plan.name}: not cached (no content digest for image ${imageOf(plan)})`);
    return runJob(deps, owner, plan);
  }
  const known =
    (await deps.db.getJob(plan.name)) ?? (await describeIfExists(deps.sagemaker, plan.kind, plan.name));
  if (!known && cache.reuse) {
    const hit = await deps.db.findStepCache(cacheKey);
    const reused = hit ? await reuse(deps, owner, plan, cache.s3, cacheKey, hit) : undefined;
    if (reused) return reused;
  }
  const result = await runJob(deps, owner, plan);
  await deps.db.recordStepCache({ cacheKey, jobName: plan.name, outputs: stepOutputs(plan) });
  return result;
}

async function keyOf(plan: JobPlan, cache: StepCacheOptions): Promise<string | undefined> {
  const imageDigest = await cache.imageDigest(imageOf(plan));
  if (imageDigest === undefined) return undefined;
  const { request, inputs } = normaliseRequest(plan, cache.runId);
  const versions: Record<string, string> = {};
  for (const [name, uri] of Object.entries(inputs)) versions[name] = await s3ContentVersion(cache.s3, uri);
  return stepCacheKey({ kind: plan.kind, request, inputs: versions, imageDigest, code: cache.code });
}

function imageOf(plan: JobPlan): string {
  return (
    (plan.kind === 'training'
      ? plan.request.AlgorithmSpecification?.TrainingImage
      : plan.request.AppSpecification?.ImageUri) ?? ''
  );
}

/** Copies the hit's outputs into this run's locations and records the step; undefined = outputs gone, run it. */
async function reuse(
  deps: RunJobDeps,
  owner: Owner,
  plan: JobPlan,
  s3: S3Client,
  cacheKey: string,
  hit: StepCacheHit,
): Promise<RunJobResult | undefined> {
  const { db, printer } = deps;
  const targets = stepOutputs(plan);
  const sources = hit.entry.outputs;
  if (Object.keys(targets).some((name) => sources[name] === undefined)) return undefined;
  let copied = 0;
  for (const [name, target] of Object.entries(targets)) copied += await copyPrefix(s3, sources[name], target);
  const model = plan.kind === 'training' ? modelArtifactsUri(targets.job) : undefined;
  if (copied === 0 || (model !== undefined && !(await objectExists(s3, model)))) {
    printer.info(`${plan.name}: the outputs of cached ${hit.origin.sagemakerName} are gone — running it`);
    return undefined;
  }
  const origin = hit.origin;
  const now = new Date();
  await recordJobStarted(db, { ...owner, name: plan.name, kind: plan.kind }, undefined);
  const row: JobRow = await db.updateJob(plan.name, {
    status: 'Completed',
    startedAt: now,
    endedAt: now,
    metrics: origin.metrics ?? undefined,
  });
  await db.recordStepCache({
    cacheKey,
    jobName: plan.name,
    sourceJobName: origin.sagemakerName,
    outputs: targets,
  });
  printer.info(
    `${plan.name}: cached — same inputs, request, image and code as ${origin.sagemakerName}; ` +
      `reused its outputs (${copied} object(s) copied), no job launched (--no-cache forces one)`,
  );
  const description: JobDescription = {
    kind: plan.kind,
    jobName: plan.name,
    status: 'Completed',
    startTime: now,
    endTime: now,
    transitions: [],
    metrics: origin.metrics ?? {},
    artifacts: { outputs: plan.kind === 'processing' ? targets : {}, modelArtifacts: model },
  };
  return { description, resolution: 'cached', row, cachedFrom: origin.sagemakerName };
}
