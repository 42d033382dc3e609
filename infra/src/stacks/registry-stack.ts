import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Repository, TagMutability, TagStatus } from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export interface RegistryStackProps extends StackProps {
  /** Every image of the workspace (container apps and batch images); the repository is named after it. */
  images: readonly string[];
}

/**
 * One ECR repository per image. Deployed before the images are pushed (CI), so the image publisher finds
 * them; the pipeline stack refers to them by name, with no cross-stack export to block a change.
 */
export class RegistryStack extends Stack {
  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    for (const image of props.images) {
      new Repository(this, image, {
        repositoryName: image,
        imageScanOnPush: true,
        imageTagMutability: TagMutability.IMMUTABLE,
        // Released images are kept when the stack goes: a deploy must never delete what jobs run.
        removalPolicy: RemovalPolicy.RETAIN,
        lifecycleRules: [
          {
            description: 'untagged layers of failed pushes',
            tagStatus: TagStatus.UNTAGGED,
            maxImageAge: Duration.days(7),
            rulePriority: 1,
          },
          {
            description: 'keep the last 50 releases',
            tagStatus: TagStatus.ANY,
            maxImageCount: 50,
            rulePriority: 2,
          },
        ],
      });
    }
  }
}
