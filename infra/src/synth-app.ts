import { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStacks, MlopsStacks } from './app';
import { readSettings } from './settings';
import { WorkspaceModel } from './workspace/workspace-model';

/** infra/cdk.json's context: the settings `cdk synth` uses, for in-process builds (tests, README). */
export function cdkJsonContext(): Record<string, unknown> {
  const file = join(__dirname, '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context: Record<string, unknown> }).context;
}

/** Builds the stacks in-process with cdk.json's context plus `context` (env, imageTag, ...). */
export function buildApp(
  context: Record<string, unknown>,
  workspace: (env: string) => WorkspaceModel,
): { app: App; stacks: MlopsStacks } {
  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const settings = readSettings((key) => app.node.tryGetContext(key));
  return { app, stacks: buildStacks(app, settings, workspace(settings.env)) };
}
