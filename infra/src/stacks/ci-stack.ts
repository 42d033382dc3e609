import { allowWildcards } from '../nag-wildcards';
import { Stack, StackProps } from 'aws-cdk-lib';
import { CfnOIDCProvider, FederatedPrincipal, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DOCKER_PUSH_ACTIONS, grantsOf, PUBLISHER_OPERATIONS } from '../iam/sdk-operations';
import { statementsFor } from '../iam/statements';

export interface CiStackProps extends StackProps {
  /** `owner/name` of the GitHub repository whose workflows may assume the roles. */
  githubRepository: string;
  images: readonly string[];
  /** Names of the state machines the deploy job starts (the database migration). */
  migrationStateMachines: readonly string[];
}

const GITHUB_OIDC = 'token.actions.githubusercontent.com';
/** The CDK bootstrap qualifier (`cdk bootstrap` default). */
export const CDK_QUALIFIER = 'hnb659fds';

/**
 * The identities of .github/workflows/ci.yml, through GitHub's OIDC provider (no stored keys):
 * push (image publisher), deploy (`cdk deploy` on main) and diff (`cdk diff` on pull requests).
 */
export class CiStack extends Stack {
  readonly pushRole: Role;
  readonly deployRole: Role;
  readonly diffRole: Role;

  constructor(scope: Construct, id: string, props: CiStackProps) {
    super(scope, id, props);
    const provider = new CfnOIDCProvider(this, 'GithubOidc', {
      url: `https://${GITHUB_OIDC}`,
      clientIdList: ['sts.amazonaws.com'],
    });
    const trust = (subject: string) =>
      new FederatedPrincipal(
        provider.attrArn,
        {
          StringEquals: { [`${GITHUB_OIDC}:aud`]: 'sts.amazonaws.com', [`${GITHUB_OIDC}:sub`]: subject },
        },
        'sts:AssumeRoleWithWebIdentity',
      );
    const main = `repo:${props.githubRepository}:ref:refs/heads/main`;
    const arn = (service: string, resource: string) =>
      this.formatArn({ service, resource, region: service === 'iam' ? '' : undefined });

    this.pushRole = new Role(this, 'PushRole', { roleName: 'mlops-ci-push', assumedBy: trust(main) });
    allowWildcards(
      this.pushRole,
      'ecr:GetAuthorizationToken has no resource type; every other action is on the named repositories.',
    );
    const repositories = props.images.map((i) => arn('ecr', `repository/${i}`));
    for (const s of statementsFor(grantsOf(PUBLISHER_OPERATIONS), (scope) =>
      scope === 'registry' ? { resources: ['*'] } : { resources: repositories },
    ))
      this.pushRole.addToPolicy(s);
    this.pushRole.addToPolicy(
      new PolicyStatement({ sid: 'DockerPush', actions: [...DOCKER_PUSH_ACTIONS], resources: repositories }),
    );

    const bootstrapRole = (kind: string) =>
      arn('iam', `role/cdk-${CDK_QUALIFIER}-${kind}-role-${this.account}-*`);
    this.deployRole = new Role(this, 'DeployRole', { roleName: 'mlops-ci-deploy', assumedBy: trust(main) });
    allowWildcards(
      this.deployRole,
      'The bootstrap roles end in the region (cdk-<qualifier>-<kind>-role-<account>-<region>); migration executions are named at start.',
    );
    // CloudFormation does the work through the bootstrap roles; this role may only assume them.
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeCdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map(bootstrapRole),
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'RunMigrations',
        actions: ['states:StartExecution'],
        resources: props.migrationStateMachines.map((n) => arn('states', `stateMachine:${n}`)),
      }),
    );
    this.deployRole.addToPolicy(
      new PolicyStatement({
        sid: 'WaitForMigrations',
        actions: ['states:DescribeExecution'],
        resources: props.migrationStateMachines.map((n) => arn('states', `execution:${n}:*`)),
      }),
    );

    // Pull requests only read: the lookup role is read-only, enough for `cdk diff`.
    this.diffRole = new Role(this, 'DiffRole', {
      roleName: 'mlops-ci-diff',
      assumedBy: trust(`repo:${props.githubRepository}:pull_request`),
    });
    allowWildcards(
      this.diffRole,
      'The lookup role ends in the region (cdk-<qualifier>-lookup-role-<account>-<region>).',
    );
    this.diffRole.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeCdkLookupRole',
        actions: ['sts:AssumeRole'],
        resources: [bootstrapRole('lookup')],
      }),
    );
  }
}
