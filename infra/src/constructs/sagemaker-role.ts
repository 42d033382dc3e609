import { allowWildcards } from '../nag-wildcards';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ArnFormat, Stack } from 'aws-cdk-lib';

export interface SageMakerRoleProps {
  roleName: string;
  bucket: Bucket;
  /** Run key patterns of every model (`iris/*\/raw/*`, ...). */
  keyPatterns: readonly string[];
  /** ARNs of the container apps' repositories. */
  repositories: readonly string[];
}

/**
 * The role SageMaker jobs run as: read and write the models' run prefixes, write their own logs and
 * metrics, pull the container apps' images. Nothing else.
 */
export class SageMakerRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: SageMakerRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.role = new Role(this, 'Role', {
      roleName: props.roleName,
      assumedBy: new ServicePrincipal('sagemaker.amazonaws.com'),
      description: 'SageMaker training/processing jobs of the pipeline',
    });
    allowWildcards(
      this.role,
      'Run ids are inside the key prefixes (<model>/*/<kind>/*); job log streams are named by SageMaker; PutMetricData and ' +
        'GetAuthorizationToken have no resource type, the former limited to the /aws/sagemaker/* namespaces.',
    );
    const add = (s: PolicyStatement) => this.role.addToPolicy(s);
    add(
      new PolicyStatement({
        sid: 'ModelObjects',
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
        resources: props.keyPatterns.map((p) => props.bucket.arnForObjects(p)),
      }),
    );
    add(
      new PolicyStatement({
        sid: 'ModelListing',
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [...props.keyPatterns] } },
      }),
    );
    add(
      new PolicyStatement({
        sid: 'JobLogs',
        actions: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:DescribeLogStreams',
          'logs:PutLogEvents',
        ],
        resources: sageMakerLogGroupArns(stack),
      }),
    );
    add(
      new PolicyStatement({
        sid: 'JobMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
      }),
    );
    add(
      new PolicyStatement({
        sid: 'PullImages',
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        resources: [...props.repositories],
      }),
    );
    add(
      new PolicyStatement({ sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
    );
  }
}

/** SageMaker's two log groups (jobs write `<job-name>/...` streams there), with their streams. */
export function sageMakerLogGroupArns(stack: Stack): string[] {
  return ['TrainingJobs', 'ProcessingJobs'].map((kind) =>
    stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `/aws/sagemaker/${kind}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  );
}
