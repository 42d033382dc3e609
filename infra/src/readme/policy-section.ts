import { App, Stack } from 'aws-cdk-lib';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { CfnRole, IRole } from 'aws-cdk-lib/aws-iam';
import { MlopsStacks } from '../app';
import { renderValue } from './render-intrinsics';

export const START = '<!-- generated:policies (npx nx run infra:readme) -->';
export const END = '<!-- /generated:policies -->';

/** The identities whose policies the README shows, in order. */
function identities(s: MlopsStacks): { title: string; stack: Stack; role: IRole }[] {
  return [
    {
      title: 'Batch task role (`apps/pipeline-*` on ECS)',
      stack: s.pipeline,
      role: s.pipeline.batchTaskRole,
    },
    {
      title: 'SageMaker execution role (training and processing jobs)',
      stack: s.pipeline,
      role: s.pipeline.sageMakerRole,
    },
    { title: 'CI push role (`docker:push`, tools/image-publisher)', stack: s.ci, role: s.ci.pushRole },
    { title: 'CI deploy role (`cdk deploy` on main)', stack: s.ci, role: s.ci.deployRole },
    { title: 'CI diff role (`cdk diff` on pull requests)', stack: s.ci, role: s.ci.diffRole },
  ];
}

/** The README section: each role's inline policy as synthesized, intrinsics rendered as `${...}`. */
export function policySection(app: App, stacks: MlopsStacks): string {
  const assembly = app.synth();
  const parts = identities(stacks).map(({ title, stack, role }) => {
    const template = assembly.getStackByName(stack.stackName).template as {
      Resources: Record<
        string,
        { Type: string; Properties: { Roles?: { Ref: string }[]; PolicyDocument?: { Statement: unknown[] } } }
      >;
    };
    const logicalId = stack.resolve(stack.getLogicalId(role.node.defaultChild as CfnRole)) as string;
    const statements = Object.values(template.Resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles ?? []).some((x) => x.Ref === logicalId),
      )
      .flatMap((r) => r.Properties.PolicyDocument?.Statement ?? []);
    const doc = { Version: '2012-10-17', Statement: renderValue(statements) };
    return `#### ${title}\n\n\`\`\`json\n${JSON.stringify(doc, null, 2)}\n\`\`\``;
  });
  return [START, '', ...parts.flatMap((p) => [p, '']), END].join('\n');
}

/**
 * The section as `prettier --write` leaves it in `file` (repo config), so format:check stays clean. The
 * CLI, not the API: Prettier 3's API loads its plugins with dynamic import(), which Jest's VM refuses.
 */
export function formatSection(section: string, file: string): string {
  const cli = join(dirname(require.resolve('prettier')), 'bin', 'prettier.cjs');
  return execFileSync(process.execPath, [cli, '--stdin-filepath', file], {
    input: section,
    encoding: 'utf8',
  }).trimEnd();
}

/** `readme` with the section between the markers replaced; an error if the markers are missing. */
export function replaceSection(readme: string, section: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`infra/README.md: markers ${START} … ${END} not found`);
  return readme.slice(0, a) + section + readme.slice(b + END.length);
}
