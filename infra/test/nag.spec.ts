import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../src/synth-app';
import { readWorkspace } from '../src/workspace/workspace-model';
import { WORKSPACE_ROOT } from './harness';

// cdk-nag v3 is a CDK policy-validation plugin: any unacknowledged finding makes app.synth() throw.
test.each(['dev', 'prod'])('AwsSolutions: no unacknowledged finding in %s', (env) => {
  const { app } = buildApp({ env, imageTag: 'abc123def456' }, (e) => readWorkspace(WORKSPACE_ROOT, e));
  expect(() => app.synth()).not.toThrow();
});

test('the pack does run: a non-compliant bucket fails synth', () => {
  const app = new App();
  new Bucket(new Stack(app, 'Bad'), 'Plain');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
});
