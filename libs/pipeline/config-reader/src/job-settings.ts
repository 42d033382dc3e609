import { SAGEMAKER_RULES } from '@mlops/contract';
import { z } from 'zod';

// Cost and security settings of every SageMaker job. Lengths and patterns come from the contract's rule
// table (generated from the official API model), so the config refuses what CreateTrainingJob would.

/** A string shape of the rule table as a zod string: its length bounds (non-empty unless `allowEmpty`) and pattern. */
function apiString(shape: string, example: string, allowEmpty = false) {
  const rule = SAGEMAKER_RULES.shapes[shape];
  if (!rule) throw new Error(`${shape} is not a shape of the SageMaker rule table`);
  let s = z.string().min(Math.max(allowEmpty ? 0 : 1, rule.length?.min ?? 0));
  if (rule.length?.max !== undefined) s = s.max(rule.length.max);
  if (rule.pattern !== undefined)
    // abort: a value that breaks the API's own pattern gets that one line, not our narrower checks too.
    s = s.regex(new RegExp(rule.pattern, 'u'), {
      error: `expected a ${shape} like "${example}" (${rule.pattern})`,
      abort: true,
    });
  return s;
}

/** A list shape's item-count bounds. */
function apiListBounds(shape: string): { min: number; max: number } {
  const length = SAGEMAKER_RULES.shapes[shape]?.length;
  return { min: length?.min ?? 0, max: length?.max ?? Number.MAX_SAFE_INTEGER };
}

/** Tags the pipeline sets itself (jobTags) and AWS reserves; config tags may not use these prefixes. */
export const RESERVED_TAG_PREFIXES = ['mlops:', 'aws:'] as const;
/** Tags the pipeline puts on every job (mlops:model, :team, :run-id, :batch): room left in TagList. */
const PIPELINE_TAG_COUNT = 4;

const subnets = apiListBounds('Subnets');
const securityGroups = apiListBounds('VpcSecurityGroupIds');
const tagList = apiListBounds('TagList');

const tagKey = apiString('TagKey', 'cost-center').refine(
  (k) => !RESERVED_TAG_PREFIXES.some((p) => k.toLowerCase().startsWith(p)),
  `expected a tag key not starting with ${RESERVED_TAG_PREFIXES.join(' or ')} (set by the pipeline / reserved by AWS)`,
);
const tagValue = apiString('TagValue', 'ml-platform', true);

export const jobSettingsSchema = z.strictObject({
  /** Added to every job's tags (the pipeline's mlops:* tags are always there too). */
  tags: z
    .record(tagKey, tagValue)
    .refine(
      (t) => Object.keys(t).length <= tagList.max - PIPELINE_TAG_COUNT,
      `expected <= ${tagList.max - PIPELINE_TAG_COUNT} tags (SageMaker allows ${tagList.max}, the pipeline sets ${PIPELINE_TAG_COUNT})`,
    )
    .optional(),
  /** Subnets and security groups the job's containers attach to (VpcConfig). */
  vpc: z
    .strictObject({
      subnets: z
        .array(apiString('SubnetId', 'subnet-0abc1234').regex(/^subnet-/, 'expected a subnet id "subnet-…"'))
        .min(subnets.min)
        .max(subnets.max),
      securityGroupIds: z
        .array(
          apiString('SecurityGroupId', 'sg-0abc1234').regex(/^sg-/, 'expected a security group id "sg-…"'),
        )
        .min(securityGroups.min)
        .max(securityGroups.max),
    })
    .optional(),
  /** KMS keys (id, ARN or alias) for the instance volumes and the job's output (model, processing outputs). */
  kms: z
    .strictObject({
      volumeKeyId: apiString('KmsKeyId', 'arn:aws:kms:eu-west-1:123456789012:key/…').optional(),
      outputKeyId: apiString('KmsKeyId', 'alias/mlops-output').optional(),
    })
    .optional(),
  /** No outbound network from the job's containers (S3 channels still work: SageMaker moves the data). */
  enableNetworkIsolation: z.boolean().optional(),
});

export type JobSettings = z.output<typeof jobSettingsSchema>;

/** Managed spot training: cheaper, interruptible; resumes from the run's checkpoint prefix. */
export const spotTrainingShape = {
  useSpotTraining: z.boolean().optional(),
  /** Runtime plus time waiting for spot capacity; required with spot, >= maxRuntimeInSeconds. */
  maxWaitTimeInSeconds: z
    .number()
    .int()
    .min(SAGEMAKER_RULES.shapes.MaxWaitTimeInSeconds?.range?.min ?? 1)
    .optional(),
};

/** Spot needs a wait time that covers the runtime; a wait time without spot is refused by SageMaker. */
export function checkSpotTraining(
  t: { useSpotTraining?: boolean; maxWaitTimeInSeconds?: number; maxRuntimeInSeconds: number },
  ctx: z.RefinementCtx,
): void {
  if (t.useSpotTraining === true && t.maxWaitTimeInSeconds === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxWaitTimeInSeconds'],
      input: undefined,
      message: `missing required key with useSpotTraining: true (expected a number >= maxRuntimeInSeconds ${t.maxRuntimeInSeconds})`,
    });
  } else if (t.maxWaitTimeInSeconds !== undefined && t.useSpotTraining !== true) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxWaitTimeInSeconds'],
      input: t.maxWaitTimeInSeconds,
      message: 'only allowed with useSpotTraining: true (SageMaker refuses a wait time for on-demand jobs)',
    });
  } else if (t.maxWaitTimeInSeconds !== undefined && t.maxWaitTimeInSeconds < t.maxRuntimeInSeconds) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxWaitTimeInSeconds'],
      input: t.maxWaitTimeInSeconds,
      message: `expected a value >= maxRuntimeInSeconds (${t.maxRuntimeInSeconds})`,
    });
  }
}

/** The platform's job settings with a model's own over them; tags merge key by key. */
export function mergeJobSettings(
  platform: JobSettings | undefined,
  model: JobSettings | undefined,
): JobSettings {
  const merged: JobSettings = { ...platform, ...model };
  if (platform?.kms || model?.kms) merged.kms = { ...platform?.kms, ...model?.kms };
  if (platform?.tags || model?.tags) merged.tags = { ...platform?.tags, ...model?.tags };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as JobSettings;
}
