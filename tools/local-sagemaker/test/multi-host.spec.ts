import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  ListTrainingJobsCommand,
} from '@aws-sdk/client-sagemaker';
import { Harness, ROLE, startHarness, trainingRequest } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DOCKER_HINT =
  /InstanceCount 2: the process runtime .* do not resolve; run multi-host jobs on the docker runtime/;

describe('multi-host jobs on the process runtime', () => {
  it('refuses a two-host training job at Create with a ValidationException naming the docker runtime', async () => {
    const req = trainingRequest('two-hosts', h.out);
    req.ResourceConfig.InstanceCount = 2;
    await expect(h.sm.send(new CreateTrainingJobCommand(req))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(DOCKER_HINT),
    });
    const listed = await h.sm.send(new ListTrainingJobsCommand({}));
    expect(listed.TrainingJobSummaries).toEqual([]); // nothing created, the name is still free
  });

  it('refuses a two-host processing job the same way', async () => {
    await expect(
      h.sm.send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'two-hosts-p',
          RoleArn: ROLE,
          AppSpecification: { ImageUri: 'fixture-job:latest' },
          ProcessingResources: {
            ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(DOCKER_HINT) });
  });
});
