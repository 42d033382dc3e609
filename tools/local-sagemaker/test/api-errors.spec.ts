import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ResourceInUse,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Harness, ROLE, startHarness, trainingRequest, waitForTraining } from './support/harness';

let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = pathToFileURL(join(h.tmp, 'out')).href;
});
afterAll(() => h.close());

describe('AWS-shaped errors through the stock SageMaker client', () => {
  it('rejects a duplicate job name with ResourceInUse', async () => {
    await h.sm.send(new CreateTrainingJobCommand(trainingRequest('dup-job', out, { mode: 'ok' })));
    const err = await h.sm
      .send(new CreateTrainingJobCommand(trainingRequest('dup-job', out)))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInUse);
    expect((err as Error).message).toContain('training-job/dup-job');
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    await waitForTraining(h.sm, 'dup-job');
  });

  it('answers ValidationException naming each bad field and value, and creates nothing', async () => {
    const req = trainingRequest('bad_name!', out);
    req.ResourceConfig.InstanceCount = 0;
    const err = await h.sm.send(new CreateTrainingJobCommand(req)).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe(
      "2 validation errors detected: Value 'bad_name!' at 'trainingJobName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$; ' +
        "Value '0' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const list = await h.sm.send(new ListTrainingJobsCommand({ NameContains: 'bad' }));
    expect(list.TrainingJobSummaries).toEqual([]);
  });

  it('requires the fields a custom-container job needs', async () => {
    const err = await h.sm
      .send(
        new CreateTrainingJobCommand({
          TrainingJobName: 'x',
          RoleArn: ROLE,
          OutputDataConfig: { S3OutputPath: out },
        }),
      )
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toContain(
      "Value null at 'algorithmSpecification' failed to satisfy constraint: Member must not be null",
    );
    expect((err as Error).message).toContain("at 'resourceConfig'");
    expect((err as Error).message).toContain("at 'stoppingCondition'");
  });

  it('rejects an invalid MetricDefinitions regex, a long hyperparameter and a bad role', async () => {
    const req = trainingRequest('bad-metrics', out, { big: 'v'.repeat(2501) });
    req.AlgorithmSpecification.MetricDefinitions = [{ Name: 'loss', Regex: 'loss=([0-9' }];
    req.RoleArn = 'not-a-role-arn-at-all';
    const err = await h.sm.send(new CreateTrainingJobCommand(req)).catch((e: unknown) => e);
    const message = (err as Error).message;
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain("at 'roleArn'");
    expect(message).toContain(
      "at 'hyperParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 2500]",
    );
    expect(message).toContain(
      "Value 'loss=([0-9' at 'algorithmSpecification.metricDefinitions.1.member.regex' failed to satisfy constraint: Member must be a valid regular expression",
    );
  });

  it('rejects what the emulator cannot run (Pipe mode) with a ValidationException naming the member', async () => {
    const req = trainingRequest('pipe-job', out);
    (req.AlgorithmSpecification as { TrainingInputMode: string }).TrainingInputMode = 'Pipe';
    await expect(h.sm.send(new CreateTrainingJobCommand(req))).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'Pipe' at 'algorithmSpecification.trainingInputMode' failed to satisfy " +
        'constraint: local-sagemaker has no Pipe mode; use File or FastFile',
    });
  });

  it('rejects processing LocalPaths outside /opt/ml/processing/', async () => {
    const err = await h.sm
      .send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'bad-path',
          RoleArn: ROLE,
          AppSpecification: { ImageUri: 'fixture-job' },
          ProcessingResources: {
            ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
          },
          ProcessingInputs: [
            {
              InputName: 'in',
              S3Input: { S3Uri: 's3://test-bucket/x', LocalPath: '/tmp/in', S3DataType: 'S3Prefix' },
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe(
      "1 validation error detected: Value '/tmp/in' at 'processingInputs.1.member.s3Input.localPath' " +
        'failed to satisfy constraint: Member must begin with /opt/ml/processing/',
    );
  });

  // SageMaker answers ValidationException here, not the ResourceNotFound its model lists, so the pipeline's
  // "not found" path is the one AWS takes.
  it.each(['nope', 'bad_name!', 'x'.repeat(64)])(
    'answers ValidationException "Requested resource not found." for the unknown or malformed name %j',
    async (name) => {
      const notFound = { name: 'ValidationException', message: 'Requested resource not found.' };
      await expect(
        h.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name })),
      ).rejects.toMatchObject(notFound);
      await expect(h.sm.send(new StopTrainingJobCommand({ TrainingJobName: name }))).rejects.toMatchObject(
        notFound,
      );
      await expect(
        h.sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
      ).rejects.toMatchObject(notFound);
      await expect(
        h.sm.send(new StopProcessingJobCommand({ ProcessingJobName: name })),
      ).rejects.toMatchObject(notFound);
    },
  );

  it('answers a missing name in Describe with the null validation error', async () => {
    await expect(
      h.sm.send(new DescribeTrainingJobCommand({} as { TrainingJobName: string })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'trainingJobName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers unknown operations and non-JSON bodies with AWS error shapes', async () => {
    const post = (target: string, body: string) =>
      fetch(h.emulator.endpoint, {
        method: 'POST',
        headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
        body,
      });
    const unknown = await post('SageMaker.CreateEndpoint', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      __type: 'UnknownOperationException',
      message: "Unknown operation: X-Amz-Target 'SageMaker.CreateEndpoint'",
    });
    const bad = await post('SageMaker.ListTrainingJobs', '{not json');
    expect(await bad.json()).toEqual({
      __type: 'SerializationException',
      message: 'Request body is not valid JSON',
    });
  });
});
