import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobStore } from '../src/state/job-store';
import type { JobRecord } from '../src/state/types';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lsm-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (name: string): JobRecord =>
  JSON.parse(readFileSync(join(dir, 'jobs', 'training', `${name}.json`), 'utf8')) as JobRecord;

function newJob(name: string): JobRecord {
  return {
    kind: 'training',
    name,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${name}`,
    request: {} as JobRecord['request'],
    status: 'InProgress',
    secondaryStatus: 'Starting',
    transitions: [],
    creationTime: 1,
    lastModifiedTime: 1,
    finalMetrics: [],
    logStreams: [],
    runnerId: 'test-runner',
  };
}

describe('JobStore persistence', () => {
  it('writes what a restart needs at once and batches progress-only changes', async () => {
    const store = new JobStore(dir);
    const job = newJob('j1');
    expect(store.insert(job)).toBe(true);
    expect(onDisk('j1').secondaryStatus).toBe('Starting'); // a new name is taken on disk at once

    store.update(job, { secondaryStatus: 'Training' });
    expect(onDisk('j1').secondaryStatus).toBe('Starting'); // progress waits for the batch
    const run = { token: 't', hosts: [] };
    store.update(job, { run });
    expect(onDisk('j1')).toMatchObject({ secondaryStatus: 'Training', run }); // processes: at once

    store.update(job, { secondaryStatus: 'Uploading' });
    await new Promise((r) => setTimeout(r, 120));
    expect(onDisk('j1').secondaryStatus).toBe('Uploading'); // the batch lands within its delay

    store.update(job, { secondaryStatus: 'Completed' });
    store.update(job, { status: 'Completed' });
    expect(onDisk('j1')).toMatchObject({ status: 'Completed', secondaryStatus: 'Completed' });
  });

  it('flushPending writes the pending changes, and a new store reads them back', () => {
    const store = new JobStore(dir);
    const job = newJob('j2');
    store.insert(job);
    store.update(job, { secondaryStatus: 'Downloading', startTime: 5 });
    store.flushPending();
    const reopened = new JobStore(dir);
    expect(reopened.get('training', 'j2')).toMatchObject({ secondaryStatus: 'Downloading', startTime: 5 });
  });
});
