import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOCKER_PUSH_ACTIONS,
  grantsOf,
  PIPELINE_OPERATIONS,
  PUBLISHER_OPERATIONS,
  SDK_OPERATIONS,
} from '../src/iam/sdk-operations';
import { renderValue } from '../src/readme/render-intrinsics';
import { actionsOf, roleStatements, SAGEMAKER_LOG_GROUPS, synth, Synth, WORKSPACE_ROOT } from './harness';
import { sdkOperations } from './sdk-operations';

const pipelineEntries = readdirSync(join(WORKSPACE_ROOT, 'apps'))
  .filter((d) => d.startsWith('pipeline-'))
  .map((d) => join(WORKSPACE_ROOT, 'apps', d, 'src', 'main.ts'));
const publisherEntry = join(WORKSPACE_ROOT, 'tools', 'image-publisher', 'src', 'main.ts');

const unionOf = async (entries: string[]) =>
  [...new Set((await Promise.all(entries.map(sdkOperations))).flat())].sort();
const expectedActions = (ops: readonly string[]) =>
  [...new Set(grantsOf(ops).flatMap((g) => g.actions))].sort();

let t: Synth;
beforeAll(() => {
  t = synth({ env: 'dev' });
});

describe('IAM generated from the code', () => {
  test('the collector sees what a code path reaches, and only that', async () => {
    expect(await sdkOperations(join(__dirname, '__fixtures__', 'stops-jobs.ts'))).toEqual([
      's3:GetObject',
      'sagemaker:StopTrainingJob',
    ]);
  });

  test('a new SDK command without a policy change fails the check', async () => {
    const collected = await sdkOperations(join(__dirname, '__fixtures__', 'stops-jobs.ts'));
    expect(() => grantsOf(collected)).toThrow(
      'SDK operation sagemaker:StopTrainingJob has no IAM mapping in infra/src/iam/sdk-operations.ts',
    );
  });

  test('the batches (apps/pipeline-*) send exactly PIPELINE_OPERATIONS', async () => {
    expect(pipelineEntries.length).toBeGreaterThanOrEqual(5);
    expect(await unionOf(pipelineEntries)).toEqual([...PIPELINE_OPERATIONS].sort());
  });

  test('the image publisher sends exactly PUBLISHER_OPERATIONS', async () => {
    expect(await sdkOperations(publisherEntry)).toEqual([...PUBLISHER_OPERATIONS].sort());
  });

  test('every mapped operation is sent by someone (no stale grants)', () => {
    expect(Object.keys(SDK_OPERATIONS).sort()).toEqual(
      [...new Set([...PIPELINE_OPERATIONS, ...PUBLISHER_OPERATIONS])].sort(),
    );
  });

  test('the batch task role allows exactly the actions of those operations', () => {
    expect(actionsOf(roleStatements(t.pipeline, 'BatchesTaskRole'))).toEqual(
      expectedActions(PIPELINE_OPERATIONS),
    );
  });

  test('the CI push role allows exactly the publisher operations and docker push', () => {
    expect(actionsOf(roleStatements(t.ci, 'PushRole'))).toEqual(
      [...new Set([...expectedActions(PUBLISHER_OPERATIONS), ...DOCKER_PUSH_ACTIONS])].sort(),
    );
  });

  test('on the narrowest resources: model run prefixes, job name prefixes, SageMaker log groups, the execution role, the model repositories', () => {
    const bySid = Object.fromEntries(
      roleStatements(t.pipeline, 'BatchesTaskRole').map((s) => {
        const r = renderValue(s) as { Sid: string; Resource: unknown; Condition?: unknown };
        return [r.Sid, r];
      }),
    );
    expect(Object.keys(bySid).sort()).toEqual([
      'BucketListing',
      'ExecutionRole',
      'ModelObjects',
      'ProcessingJobs',
      'Repositories',
      'SagemakerLogs',
      'TrainingJobs',
    ]);
    // DescribeImages (pre-flight, step cache): the model images' repositories only.
    expect(bySid.Repositories?.Resource).toEqual([
      'arn:aws:ecr:${Region}:${Account}:repository/container-iris',
      'arn:aws:ecr:${Region}:${Account}:repository/container-mpg',
    ]);
    const kinds = ['evaluation', 'inference', 'models', 'processed', 'raw'];
    expect(bySid.ModelObjects?.Resource).toEqual(
      ['iris', 'mpg'].flatMap((m) => kinds.map((k) => `\${BucketData.Arn}/${m}/*/${k}/*`)),
    );
    expect(bySid.BucketListing?.Resource).toBe('${BucketData.Arn}');
    expect(bySid.BucketListing?.Condition).toEqual({
      StringLike: { 's3:prefix': ['iris', 'mpg'].flatMap((m) => kinds.map((k) => `${m}/*/${k}/*`)) },
    });
    expect(bySid.TrainingJobs?.Resource).toEqual([
      'arn:aws:sagemaker:${Region}:${Account}:training-job/iris-*',
      'arn:aws:sagemaker:${Region}:${Account}:training-job/mpg-*',
    ]);
    expect(bySid.ProcessingJobs?.Resource).toEqual([
      'arn:aws:sagemaker:${Region}:${Account}:processing-job/iris-*',
      'arn:aws:sagemaker:${Region}:${Account}:processing-job/mpg-*',
    ]);
    expect(bySid.SagemakerLogs?.Resource).toEqual(SAGEMAKER_LOG_GROUPS);
    expect(bySid.ExecutionRole).toMatchObject({
      Resource: '${SageMakerRole.Arn}',
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });

  test('the push role is limited to the workspace repositories; GetAuthorizationToken alone is account-wide', () => {
    const statements = roleStatements(t.ci, 'PushRole').map(
      (s) => renderValue(s) as { Action: string | string[]; Resource: unknown },
    );
    for (const s of statements) {
      if (s.Action === 'ecr:GetAuthorizationToken') expect(s.Resource).toBe('*');
      else
        for (const r of s.Resource as string[])
          expect(r).toMatch(
            /^arn:aws:ecr:\$\{Region\}:\$\{Account\}:repository\/(container-(iris|mpg)|pipeline-[a-z]+)$/,
          );
    }
  });
});
