import { ProcessingInstanceType, TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import type { Checker } from './checker';

/**
 * Limits and patterns from ../shared/reference/sagemaker-api-constraints.md (botocore service-2.json,
 * CreateTrainingJobRequest / CreateProcessingJobRequest). Patterns are exact model copies.
 */
export const P = {
  JOB_NAME: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}',
  ROLE_ARN: 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
  S3_URI: '(https|s3)://([^/]+)/?(.*)',
  KMS_KEY: '[a-zA-Z0-9:/_-]*',
  CHANNEL_NAME: '[A-Za-z0-9\\.\\-_]+',
  ENV_KEY: '[a-zA-Z_][a-zA-Z0-9_]*',
  ENV_VALUE: '[\\S\\s]*',
  TAG: '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)',
  VPC_ID: '[-0-9a-zA-Z]+',
  FILE_SYSTEM_ID: '(fs-[0-9a-f]{8,})',
} as const;

/** Service maximum for training MaxRuntimeInSeconds per the API doc (28 days); the model has no max. */
export const TRAINING_MAX_RUNTIME = 2_419_200;
/** ProcessingMaxRuntimeInSeconds range max (9 days). */
export const PROCESSING_MAX_RUNTIME = 777_600;

export const TRAINING_INSTANCE_TYPES: readonly string[] = Object.values(TrainingInstanceType);
export const PROCESSING_INSTANCE_TYPES: readonly string[] = Object.values(ProcessingInstanceType);

export function checkJobName(c: Checker, path: string, name: unknown): void {
  c.string(path, name, { required: true, min: 1, max: 63, pattern: P.JOB_NAME });
}

export function checkRoleArn(c: Checker, name: unknown): void {
  c.string('RoleArn', name, { required: true, min: 20, max: 2048, pattern: P.ROLE_ARN });
}

export function checkS3Uri(c: Checker, path: string, uri: unknown): void {
  c.string(path, uri, { required: true, max: 1024, pattern: P.S3_URI });
}

export function checkKmsKey(c: Checker, path: string, key: unknown): void {
  c.string(path, key, { max: 2048, pattern: P.KMS_KEY });
}

/** ContainerEntrypoint / ContainerArguments: 1..100 items of 0..256 chars. */
export function checkCommandList(c: Checker, path: string, list: unknown): void {
  c.list<unknown>(path, list, { min: 1, max: 100 }).forEach((item, i) =>
    c.string(`${path}[${i}]`, item, { max: 256 }),
  );
}

export function checkTags(c: Checker, tags: unknown): void {
  c.list<{ Key?: unknown; Value?: unknown }>('Tags', tags, { max: 50 }).forEach((t, i) => {
    c.string(`Tags[${i}].Key`, t.Key, { required: true, min: 1, max: 128, pattern: P.TAG, flags: 'u' });
    c.string(`Tags[${i}].Value`, t.Value, { required: true, max: 256, pattern: P.TAG, flags: 'u' });
  });
}

export function checkVpc(
  c: Checker,
  path: string,
  vpc: { SecurityGroupIds?: unknown; Subnets?: unknown } | undefined,
): void {
  if (vpc === undefined) return;
  c.list<unknown>(`${path}.SecurityGroupIds`, vpc.SecurityGroupIds, {
    required: true,
    min: 1,
    max: 5,
  }).forEach((id, i) => c.string(`${path}.SecurityGroupIds[${i}]`, id, { max: 32, pattern: P.VPC_ID }));
  c.list<unknown>(`${path}.Subnets`, vpc.Subnets, { required: true, min: 1, max: 16 }).forEach((id, i) =>
    c.string(`${path}.Subnets[${i}]`, id, { max: 32, pattern: P.VPC_ID }),
  );
}

export function checkEnvironment(c: Checker, env: unknown, max: number): void {
  c.stringMap('Environment', env, {
    maxEntries: 100,
    key: { max, pattern: P.ENV_KEY },
    value: { max, pattern: P.ENV_VALUE },
  });
}
