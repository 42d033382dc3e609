import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EnvSettings } from './settings';
import { CiStack } from './stacks/ci-stack';
import { PipelineStack } from './stacks/pipeline-stack';
import { RegistryStack } from './stacks/registry-stack';
import { migrationStateMachineName } from './constructs/orchestrator';
import { acknowledgeWildcards } from './nag-wildcards';
import { imageNames, WorkspaceModel } from './workspace/workspace-model';

export interface MlopsStacks {
  registry: RegistryStack;
  pipeline: PipelineStack;
  ci: CiStack;
}

/** Stack names: CI deploys `registry` before pushing images and `pipeline` after. */
export const stackNames = (env: string) => ({
  registry: `mlops-${env}-registry`,
  pipeline: `mlops-${env}-pipeline`,
  ci: 'mlops-ci',
});

/**
 * The stacks of one environment, env-agnostic (no account/region: synth needs no credentials) unless a
 * VPC is imported. cdk-nag's AwsSolutions pack runs on every synth; findings fail it.
 */
export function buildStacks(app: App, settings: EnvSettings, workspace: WorkspaceModel): MlopsStacks {
  const names = stackNames(settings.env);
  const env = settings.vpcId
    ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
    : undefined;
  const images = imageNames(workspace);
  const registry = new RegistryStack(app, names.registry, { images, env });
  const pipeline = new PipelineStack(app, names.pipeline, { settings, workspace, env });
  const ci = new CiStack(app, names.ci, {
    githubRepository: settings.githubRepository,
    images,
    migrationStateMachines: [migrationStateMachineName(settings.env)],
    env,
  });
  for (const stack of [registry, pipeline, ci]) {
    Tags.of(stack).add('project', 'mlops');
    Tags.of(stack).add('environment', settings.env);
  }
  acknowledgeWildcards(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { registry, pipeline, ci };
}
