import { PROCESSING_INSTANCE_TYPES, TRAINING_INSTANCE_TYPES } from '@mlops/contract';
import { z } from 'zod';
import { checkSpotTraining, jobSettingsSchema, spotTrainingShape } from './job-settings';
import { instanceTypeOf } from './instance-type';
import { parseThreshold } from './threshold';

// Strict objects everywhere: an unknown key is almost always a typo that would otherwise be ignored silently.

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/** Bucket-relative key prefix such as `iris/raw/` (no scheme, no leading slash). */
const s3Prefix = z
  .string()
  .min(1)
  .regex(/^(?!s3:\/\/)(?!\/)[A-Za-z0-9!_.*'()/-]+$/, 'expected a bucket-relative prefix like "iris/raw/"');

const hyperparameterValue = z.union([z.string(), z.number(), z.boolean()]);

const metricDefinition = z.strictObject({
  name: z.string().min(1).max(255),
  regex: z
    .string()
    .min(1)
    .max(500)
    .refine((r) => compiles(r), 'expected a valid regular expression'),
});

const thresholdSchema = z.string().transform((text, ctx) => {
  const t = parseThreshold(text);
  if (!t) {
    ctx.addIssue({
      code: 'custom',
      message: `expected "<metric> <op> <number>" like "accuracy >= 0.9", got "${text}"`,
    });
    return z.NEVER;
  }
  return t;
});

const computeSchema = (instanceTypes: readonly string[], kind: string) => z.strictObject({
  instanceType: instanceTypeOf(instanceTypes, kind),
  instanceCount: z.number().int().min(1).max(100).default(1),
  volumeSizeInGB: z.number().int().min(1).max(16384).default(30),
  maxRuntimeInSeconds: z.number().int().min(1).max(2_419_200),
});

const trainingSchema = computeSchema(TRAINING_INSTANCE_TYPES, 'training')
  .extend({
    hyperparameters: z.record(z.string(), hyperparameterValue).default({}),
    metricDefinitions: z.array(metricDefinition).max(40).default([]),
    ...spotTrainingShape,
  })
  .superRefine(checkSpotTraining);

export const modelSchema = z.strictObject({
  team: z.string().regex(/^[a-z0-9-]+$/, 'expected a team slug like "team-iris"'),
  task: z.enum(['classification', 'regression']),
  /** Container image URI (ECR on AWS, a local tag locally). */
  image: z.string().min(1),
  /** Where the collection batch gets raw data, e.g. `builtin:iris` or an s3:// URI. */
  source: z.string().min(1).optional(),
  training: trainingSchema,
  processing: computeSchema(PROCESSING_INSTANCE_TYPES, 'processing'),
  evaluation: z.strictObject({ thresholds: z.array(thresholdSchema).min(1) }),
  s3Prefixes: z.strictObject({
    raw: s3Prefix,
    processed: s3Prefix,
    models: s3Prefix,
    evaluation: s3Prefix,
    inference: s3Prefix,
  }),
  /** The model's own job settings (tags, VPC, KMS, network isolation) over the environment's `jobs`. */
  jobs: jobSettingsSchema.optional(),
});

const awsSchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected a region like "eu-west-1"'),
  /** Absent on real AWS (SDK default endpoints); loopback URLs for the local stack. */
  endpoints: z
    .strictObject({
      s3: httpUrl.optional(),
      sagemaker: httpUrl.optional(),
      logs: httpUrl.optional(),
      ecr: httpUrl.optional(),
    })
    .default({}),
  forcePathStyle: z.boolean().default(false),
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN'),
  bucket: z.string().regex(/^(<[a-z-]+>|[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/, 'expected an S3 bucket name'),
  retryMode: z.enum(['standard', 'adaptive']).default('standard'),
  maxAttempts: z.number().int().min(1).max(20).default(3),
});

/**
 * `password` is a secret reference (`env:NAME`); a literal is rejected before this schema runs
 * (see secrets.ts) and the reference is replaced by the resolved value afterwards.
 */
const dbSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sqlite'), path: z.string().min(1) }),
  z.strictObject({
    type: z.literal('postgres'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1),
    user: z.string().min(1),
    password: z.string().optional(),
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    ssl: z.boolean().default(false),
  }),
]);

export const configSchema = z.strictObject({
  aws: awsSchema,
  db: dbSchema,
  local: z
    .strictObject({
      runtime: z.enum(['auto', 'docker', 'process']).default('auto'),
      stateDir: z.string().min(1).default('.state'),
    })
    .default({ runtime: 'auto', stateDir: '.state' }),
  reportDir: z.string().min(1).default('reports'),
  /** Platform defaults for every job of this environment (a model's `jobs` overrides them). */
  jobs: jobSettingsSchema.optional(),
  models: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a model name like "iris"'), modelSchema),
});

export type ModelConfigData = z.output<typeof modelSchema>;
export type ConfigData = z.output<typeof configSchema>;

function compiles(re: string): boolean {
  try {
    new RegExp(re);
    return true;
  } catch {
    return false;
  }
}
