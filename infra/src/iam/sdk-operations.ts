/**
 * What each AWS SDK operation the code sends needs in IAM (AWS Service Authorization Reference), and on
 * which kind of resource. Keys are `<package>:<Operation>`: the @aws-sdk package without `client-`
 * (`s3:GetObject` is `GetObjectCommand` of @aws-sdk/client-s3; `lib-storage:Upload` is the multipart
 * `Upload` helper). infra/test/sdk-operations.spec.ts collects the operations from the code and fails
 * when one is missing here or in the role it belongs to.
 */
export type Scope =
  /** Objects under the models' run prefixes. */
  | 'model-objects'
  /** The bucket itself, listing limited to the model prefixes by condition. */
  | 'bucket-listing'
  | 'training-jobs'
  | 'processing-jobs'
  /** SageMaker's log groups (`/aws/sagemaker/{Training,Processing}Jobs`). */
  | 'sagemaker-logs'
  /** `iam:PassRole` of the SageMaker execution role, to SageMaker only. */
  | 'execution-role'
  /** Account-wide: the action has no resource type (`ecr:GetAuthorizationToken`). */
  | 'registry'
  | 'repositories';

export interface Grant {
  actions: readonly string[];
  scope: Scope;
}

export const SDK_OPERATIONS: Readonly<Record<string, readonly Grant[]>> = {
  's3:GetObject': [{ actions: ['s3:GetObject'], scope: 'model-objects' }],
  // HEAD is authorised as GET.
  's3:HeadObject': [{ actions: ['s3:GetObject'], scope: 'model-objects' }],
  's3:ListObjectsV2': [{ actions: ['s3:ListBucket'], scope: 'bucket-listing' }],
  // Server-side copy (the step cache reusing an earlier run's outputs): read the source, write the target.
  's3:CopyObject': [{ actions: ['s3:GetObject', 's3:PutObject'], scope: 'model-objects' }],
  // Create/UploadPart/Complete are s3:PutObject; a failed upload is aborted.
  'lib-storage:Upload': [{ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], scope: 'model-objects' }],
  // Jobs are created with tags (AddTags) and the execution role (PassRole).
  'sagemaker:CreateTrainingJob': [
    { actions: ['sagemaker:CreateTrainingJob', 'sagemaker:AddTags'], scope: 'training-jobs' },
    { actions: ['iam:PassRole'], scope: 'execution-role' },
  ],
  'sagemaker:DescribeTrainingJob': [{ actions: ['sagemaker:DescribeTrainingJob'], scope: 'training-jobs' }],
  'sagemaker:CreateProcessingJob': [
    { actions: ['sagemaker:CreateProcessingJob', 'sagemaker:AddTags'], scope: 'processing-jobs' },
    { actions: ['iam:PassRole'], scope: 'execution-role' },
  ],
  'sagemaker:DescribeProcessingJob': [
    { actions: ['sagemaker:DescribeProcessingJob'], scope: 'processing-jobs' },
  ],
  'cloudwatch-logs:DescribeLogStreams': [{ actions: ['logs:DescribeLogStreams'], scope: 'sagemaker-logs' }],
  'cloudwatch-logs:GetLogEvents': [{ actions: ['logs:GetLogEvents'], scope: 'sagemaker-logs' }],
  'ecr:GetAuthorizationToken': [{ actions: ['ecr:GetAuthorizationToken'], scope: 'registry' }],
  // The batches' pre-flight: the model image exists before any job (or row) is created.
  'ecr:DescribeImages': [{ actions: ['ecr:DescribeImages'], scope: 'repositories' }],
  'ecr:DescribeRepositories': [{ actions: ['ecr:DescribeRepositories'], scope: 'repositories' }],
  'ecr:CreateRepository': [{ actions: ['ecr:CreateRepository'], scope: 'repositories' }],
  // The step cache keys a step on the model image's digest (pipeline-core cache/ecr-digests).
  'ecr:DescribeImages': [{ actions: ['ecr:DescribeImages'], scope: 'repositories' }],
};

/**
 * Operations each identity sends, as collected from the code (see the spec). The batches share one role:
 * a generated batch must run without an infra edit, so the role is the union over `apps/pipeline-*`.
 */
export const PIPELINE_OPERATIONS = [
  'cloudwatch-logs:DescribeLogStreams',
  'cloudwatch-logs:GetLogEvents',
  'ecr:DescribeImages',
  'lib-storage:Upload',
  's3:CopyObject',
  's3:GetObject',
  's3:HeadObject',
  's3:ListObjectsV2',
  'sagemaker:CreateProcessingJob',
  'sagemaker:CreateTrainingJob',
  'sagemaker:DescribeProcessingJob',
  'sagemaker:DescribeTrainingJob',
] as const;

/** tools/image-publisher (the CI push role). */
export const PUBLISHER_OPERATIONS = [
  'ecr:CreateRepository',
  'ecr:DescribeRepositories',
  'ecr:GetAuthorizationToken',
] as const;

/**
 * `docker push` speaks the registry protocol, not the SDK: these are the ECR actions behind it
 * (Amazon ECR User Guide, "Required IAM permissions for pushing an image").
 */
export const DOCKER_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
] as const;

/** The IAM actions of a list of operations; an operation missing from the table is an error. */
export function grantsOf(operations: readonly string[]): Grant[] {
  return operations.flatMap((op) => {
    const grants = SDK_OPERATIONS[op];
    if (!grants) throw new Error(`SDK operation ${op} has no IAM mapping in infra/src/iam/sdk-operations.ts`);
    return grants;
  });
}
