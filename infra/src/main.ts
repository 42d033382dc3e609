import { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { buildStacks } from './app';
import { readSettings } from './settings';
import { readWorkspace } from './workspace/workspace-model';

// The CDK app (`cdk synth` runs infra/dist/main.js from infra/): the workspace root is one level up.
const app = new App();
try {
  const settings = readSettings((key) => app.node.tryGetContext(key));
  buildStacks(app, settings, readWorkspace(join(process.cwd(), '..'), settings.env));
  app.synth();
} catch (err) {
  console.error(`infra: ${(err as Error).message}`);
  process.exit(2);
}
