/** Patterns and enums from the SageMaker API model (see shared/reference/sagemaker-api-constraints.md). */
export const JOB_NAME = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';
export const ROLE_ARN = 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+';
/** The service allows `https|s3`; local mode also takes `file://` (used in place, as SDK local mode does). */
export const DATA_URI = '(https|s3|file)://([^/]+)?/?(.*)';
export const CHANNEL_NAME = '[A-Za-z0-9\\.\\-_]+';
export const ENV_KEY = '[a-zA-Z_][a-zA-Z0-9_]*';
export const TAG = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)';
/** Any `ml.*` type the service knows, plus SDK local mode's `local` / `local_gpu` (the latter adds `--gpus all`). */
export const INSTANCE_TYPE = 'ml\\.[a-z0-9-]+\\.[a-z0-9-]+|local|local_gpu';
export const INPUT_MODES = ['Pipe', 'File', 'FastFile'] as const;
export const S3_DATA_TYPES = ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse'] as const;
export const DISTRIBUTIONS = ['FullyReplicated', 'ShardedByS3Key'] as const;
export const TRAINING_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;
