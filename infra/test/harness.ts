import { Template } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { buildApp } from '../src/synth-app';
import { ProjectInfo } from '../src/workspace/container-apps';
import { readWorkspace } from '../src/workspace/workspace-model';

export const WORKSPACE_ROOT = join(__dirname, '..', '..');

export interface Synth {
  registry: Template;
  pipeline: Template;
  ci: Template;
}

/** Synthesizes the three stacks of `env` for this workspace (or an injected one) and returns templates. */
export function synth(opts: { env?: string; root?: string; projects?: ProjectInfo[] } = {}): Synth {
  const { stacks } = buildApp({ env: opts.env ?? 'dev', imageTag: 'abc123def456' }, (env) =>
    readWorkspace(opts.root ?? WORKSPACE_ROOT, env, opts.projects),
  );
  return {
    registry: Template.fromStack(stacks.registry),
    pipeline: Template.fromStack(stacks.pipeline),
    ci: Template.fromStack(stacks.ci),
  };
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Sid?: string };

/** The statements of the inline policies attached to the role whose logical id starts with `rolePrefix`. */
export function roleStatements(t: Template, rolePrefix: string): Statement[] {
  const policies = t.findResources('AWS::IAM::Policy');
  const out: Statement[] = [];
  for (const p of Object.values(policies)) {
    const roles = (p.Properties.Roles ?? []) as { Ref: string }[];
    if (roles.some((r) => r.Ref.startsWith(rolePrefix)))
      out.push(...(p.Properties.PolicyDocument.Statement as Statement[]));
  }
  if (out.length === 0) throw new Error(`no policy attached to a role ${rolePrefix}*`);
  return out;
}

export const actionsOf = (statements: Statement[]): string[] =>
  [...new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();

/** SageMaker's log groups as rendered ARNs (both the batches and the jobs use them). */
export const SAGEMAKER_LOG_GROUPS = [
  'arn:aws:logs:${Region}:${Account}:log-group:/aws/sagemaker/TrainingJobs:*',
  'arn:aws:logs:${Region}:${Account}:log-group:/aws/sagemaker/ProcessingJobs:*',
];
