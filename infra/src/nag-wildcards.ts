import { CfnResource, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
import { IConstruct } from 'constructs';

const METADATA = 'mlops:iam-wildcards';

/**
 * Declares why the IAM policies under `scope` may hold wildcards. AwsSolutions-IAM5 reports one finding
 * per wildcard and CDK acknowledges findings by exact id, so once every statement is in place,
 * `acknowledgeWildcards` asks the same rule for the findings and acknowledges each with this reason.
 */
export function allowWildcards(scope: IConstruct, reason: string): void {
  scope.node.addMetadata(METADATA, reason);
}

/** Call once the stacks are complete (policies change until then). */
export function acknowledgeWildcards(root: IConstruct): void {
  for (const scope of root.node.findAll()) {
    const entry = scope.node.metadata.find((m) => m.type === METADATA);
    if (!entry) continue;
    for (const node of scope.node.findAll()) {
      if (!(node instanceof CfnResource) || node.cfnResourceType !== 'AWS::IAM::Policy') continue;
      const result = rules.iam.IAMNoWildcardPermissions(node);
      if (!Array.isArray(result)) continue;
      for (const finding of result)
        Validations.of(node).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: String(entry.data) });
    }
  }
}
