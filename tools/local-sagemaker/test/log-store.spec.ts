import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logsHandlers } from '../src/api/logs-api';
import { LogStore, TRAINING_LOG_GROUP } from '../src/logs/log-store';

const GROUP = TRAINING_LOG_GROUP;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lsm-logstore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fill(store: LogStore, stream: string, n: number): void {
  store.createStream(GROUP, stream);
  for (let i = 0; i < n; i++)
    store.append(GROUP, stream, `${stream} line ${i}${i % 7 === 0 ? ' seven' : ''}`, 1000 + i);
}

type Page = {
  events: { message: string; logStreamName?: string }[];
  nextToken?: string;
  nextForwardToken?: string;
};

describe('LogStore on disk', () => {
  it('reads any window of a stream across its offset index, and after a restart (torn last line cut)', async () => {
    const store = new LogStore(dir);
    fill(store, 'job/algo-1-1', 2_500);
    const api = logsHandlers(store, 'us-east-1');
    const get = (body: Record<string, unknown>) =>
      api['Logs_20140328.GetLogEvents']({
        logGroupName: GROUP,
        logStreamName: 'job/algo-1-1',
        ...body,
      }) as Promise<Page>;
    const mid = await get({ nextToken: 'f/1998', limit: 4 });
    expect(mid.events.map((e) => e.message)).toEqual([
      'job/algo-1-1 line 1998',
      'job/algo-1-1 line 1999',
      'job/algo-1-1 line 2000',
      'job/algo-1-1 line 2001',
    ]);
    expect((await get({ limit: 1 })).events[0].message).toBe('job/algo-1-1 line 2499 seven');
    store.flush();

    appendFileSync(
      join(dir, 'logs', encodeURIComponent(GROUP), `${encodeURIComponent('job/algo-1-1')}.jsonl`),
      '{"timest',
    );
    const reopened = new LogStore(dir);
    expect(reopened.stream(GROUP, 'job/algo-1-1')).toMatchObject({
      count: 2_500,
      firstTimestamp: 1000,
      lastTimestamp: 3499,
    });
    reopened.append(GROUP, 'job/algo-1-1', 'after restart', 9999);
    const tail = await reopened.read(reopened.stream(GROUP, 'job/algo-1-1')!, 2_499, 2_501);
    expect(tail.map((e) => e.message)).toEqual(['job/algo-1-1 line 2499 seven', 'after restart']);
  });

  it('pages FilterLogEvents over several streams: every match exactly once, in stream order', async () => {
    const store = new LogStore(dir);
    fill(store, 'job/algo-1-1', 1_500);
    fill(store, 'job/algo-2-1', 1_500);
    const api = logsHandlers(store, 'us-east-1');
    const messages: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = (await api['Logs_20140328.FilterLogEvents']({
        logGroupName: GROUP,
        filterPattern: 'seven',
        limit: 50,
        ...(token ? { nextToken: token } : {}),
      })) as Page;
      messages.push(...res.events.map((e) => e.message));
      token = res.nextToken;
      pages++;
    } while (token);
    const expected = ['job/algo-1-1', 'job/algo-2-1'].flatMap((s) =>
      Array.from({ length: 1_500 }, (_, i) => i)
        .filter((i) => i % 7 === 0)
        .map((i) => `${s} line ${i} seven`),
    );
    expect(messages).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 50));
  });
});
