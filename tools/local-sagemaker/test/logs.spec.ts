import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { Harness, startHarness, trainingRequest, waitForTraining } from './support/harness';

const GROUP = '/aws/sagemaker/TrainingJobs';
let h: Harness;
let startedAt: number;
beforeAll(async () => {
  h = await startHarness({ multiHostProcesses: true }); // per-host mechanics; names need not resolve
  startedAt = Math.floor(Date.now() / 1000);
  const req = trainingRequest('logs-job', h.out, { mode: 'ok' });
  req.ResourceConfig.InstanceCount = 2;
  await h.sm.send(new CreateTrainingJobCommand(req));
  await waitForTraining(h.sm, 'logs-job');
});
afterAll(() => h.close());

describe('job logs through the stock CloudWatch Logs client', () => {
  it('has one stream per host named <job>/algo-N-<epoch>', async () => {
    const res = await h.logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: GROUP,
        logStreamNamePrefix: 'logs-job/',
        orderBy: 'LogStreamName',
      }),
    );
    const names = res.logStreams!.map((s) => s.logStreamName!);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^logs-job\/algo-1-\d{10}$/);
    expect(names[1]).toMatch(/^logs-job\/algo-2-\d{10}$/);
    expect(Number(names[0].split('-').pop())).toBeGreaterThanOrEqual(startedAt);
    expect(res.logStreams![0].lastEventTimestamp).toBeGreaterThanOrEqual(
      res.logStreams![0].firstEventTimestamp!,
    );
  });

  it('reads a stream with GetLogEvents; nextForwardToken stays put once caught up', async () => {
    const stream = await firstStream();
    const first = await h.logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, startFromHead: true, limit: 2 }),
    );
    expect(first.events!.map((e) => e.message)).toEqual([
      'training on algo-1 of algo-1,algo-2 mode=ok',
      'epoch=1 train_loss=1.000',
    ]);
    const messages = first.events!.map((e) => e.message);
    let token = first.nextForwardToken!;
    for (;;) {
      const next = await h.logs.send(
        new GetLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: stream,
          nextToken: token,
          startFromHead: true,
          limit: 2,
        }),
      );
      messages.push(...next.events!.map((e) => e.message));
      if (next.nextForwardToken === token) {
        expect(next.events).toEqual([]);
        break;
      }
      token = next.nextForwardToken!;
    }
    expect(messages).toEqual([
      'training on algo-1 of algo-1,algo-2 mode=ok',
      'epoch=1 train_loss=1.000',
      'epoch=2 train_loss=0.500',
      'epoch=3 train_loss=0.333',
      'validation:accuracy=0.93',
    ]);
    // Without a token and startFromHead the newest events come back.
    const tail = await h.logs.send(
      new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, limit: 1 }),
    );
    expect(tail.events!.map((e) => e.message)).toEqual(['validation:accuracy=0.93']);
  });

  it('filters events across the job streams with FilterLogEvents', async () => {
    const res = await h.logs.send(
      new FilterLogEventsCommand({
        logGroupName: GROUP,
        logStreamNamePrefix: 'logs-job/',
        filterPattern: 'train_loss -"epoch=2"',
      }),
    );
    expect(res.events!.map((e) => e.message).sort()).toEqual([
      'epoch=1 train_loss=1.000',
      'epoch=1 train_loss=1.000',
      'epoch=3 train_loss=0.333',
      'epoch=3 train_loss=0.333',
    ]);
    expect(new Set(res.events!.map((e) => e.logStreamName!.replace(/-\d+$/, '')))).toEqual(
      new Set(['logs-job/algo-1', 'logs-job/algo-2']),
    );
  });

  it('answers ResourceNotFoundException for unknown groups and streams', async () => {
    await expect(
      h.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/nope' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      h.logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'logs-job/algo-9-1' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

async function firstStream(): Promise<string> {
  const res = await h.logs.send(
    new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: 'logs-job/algo-1' }),
  );
  return res.logStreams![0].logStreamName!;
}
