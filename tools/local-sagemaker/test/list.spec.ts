import {
  CreateTrainingJobCommand,
  ListTrainingJobsCommand,
  paginateListTrainingJobs,
} from '@aws-sdk/client-sagemaker';
import { Harness, startHarness, trainingRequest, waitForTraining } from './support/harness';

let h: Harness;
const names = ['list-a', 'list-b', 'list-c', 'list-d', 'list-e'];
beforeAll(async () => {
  h = await startHarness();
  const out = h.out;
  for (const name of names) {
    await h.sm.send(
      new CreateTrainingJobCommand(trainingRequest(name, out, { mode: name === 'list-c' ? 'fail' : 'ok' })),
    );
    await new Promise((r) => setTimeout(r, 5)); // distinct CreationTimes
  }
  for (const name of names) await waitForTraining(h.sm, name);
});
afterAll(() => h.close());

describe('ListTrainingJobs', () => {
  it('pages with MaxResults and NextToken, oldest first by default', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    for await (const page of paginateListTrainingJobs({ client: h.sm, pageSize: 2 }, {})) {
      pages.push(page.TrainingJobSummaries!.length);
      seen.push(...page.TrainingJobSummaries!.map((s) => s.TrainingJobName!));
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(names);
  });

  it('filters by status and name and sorts descending by name', async () => {
    const failed = await h.sm.send(new ListTrainingJobsCommand({ StatusEquals: 'Failed' }));
    expect(
      failed.TrainingJobSummaries!.map((s) => [s.TrainingJobName, s.TrainingJobStatus, s.SecondaryStatus]),
    ).toEqual([['list-c', 'Failed', 'Failed']]);
    const sorted = await h.sm.send(
      new ListTrainingJobsCommand({ NameContains: 'LIST', SortBy: 'Name', SortOrder: 'Descending' }),
    );
    expect(sorted.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual([...names].reverse());
    expect(sorted.NextToken).toBeUndefined();
    expect(sorted.TrainingJobSummaries![0].CreationTime).toBeInstanceOf(Date);
  });

  it('rejects a forged NextToken and an out-of-range MaxResults', async () => {
    await expect(h.sm.send(new ListTrainingJobsCommand({ NextToken: 'garbage' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(h.sm.send(new ListTrainingJobsCommand({ MaxResults: 101 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});
