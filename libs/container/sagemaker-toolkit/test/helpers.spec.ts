import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  listCheckpoints,
  restoreCheckpoint,
  restoreJsonCheckpoint,
  saveCheckpoint,
  saveJsonCheckpoint,
} from '../src/lib/checkpoints';
import { formatMetric, logMetric, metricDefinitions, metricRegex } from '../src/lib/metrics';
import { openPipeChannel, pipeChannelEpochs } from '../src/lib/pipe';
import { waitForHosts } from '../src/lib/hosts';
import { writeFailureFile } from '../src/lib/files';
import { onStop, requestStop, resetStopState, stopRequestedBy, stopSignal } from '../src/lib/signals';
import { HostResolutionError } from '../src/lib/errors';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checkpoints', () => {
  it('saves atomically and restores', () => {
    expect(restoreJsonCheckpoint('state.json', { dir })).toBeUndefined();
    saveJsonCheckpoint('state.json', { epoch: 3 }, { dir });
    saveCheckpoint('weights/w.bin', Buffer.from([1, 2, 3]), { dir });
    expect(restoreJsonCheckpoint('state.json', { dir })).toEqual({ epoch: 3 });
    expect([...(restoreCheckpoint('weights/w.bin', { dir }) ?? [])]).toEqual([1, 2, 3]);
    expect(listCheckpoints({ dir })).toEqual(['state.json', 'weights/w.bin']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('rejects names escaping the dir and reports corrupt JSON with the file', () => {
    expect(() => saveCheckpoint('../x', 'a', { dir })).toThrow('must be a relative path inside');
    expect(() => saveCheckpoint('/etc/x', 'a', { dir })).toThrow('must be a relative path inside');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{');
    expect(() => restoreJsonCheckpoint('bad.json', { dir })).toThrow(
      `${path.join(dir, 'bad.json')}: invalid JSON checkpoint`,
    );
  });
  it('defaults to <SAGEMAKER_BASE_DIR>/checkpoints', () => {
    const old = process.env.SAGEMAKER_BASE_DIR;
    process.env.SAGEMAKER_BASE_DIR = dir;
    try {
      expect(saveCheckpoint('a.txt', 'x')).toBe(path.join(dir, 'checkpoints', 'a.txt'));
    } finally {
      if (old === undefined) delete process.env.SAGEMAKER_BASE_DIR;
      else process.env.SAGEMAKER_BASE_DIR = old;
    }
  });
});

describe('metrics', () => {
  it('formats stable lines that the documented regex matches', () => {
    const lines: string[] = [];
    logMetric('train:loss', 0.25, { step: 3, write: (l) => lines.push(l) });
    logMetric('val.acc', 1e-7, { write: (l) => lines.push(l) });
    expect(lines).toEqual(['#metric train:loss=0.25 step=3\n', '#metric val.acc=1e-7\n']);
    expect(new RegExp(metricRegex('train:loss')).exec(lines[0])?.[1]).toBe('0.25');
    expect(new RegExp(metricRegex('val.acc')).exec(lines[1])?.[1]).toBe('1e-7');
    // The dot is escaped: "valXacc" must not match.
    expect(new RegExp(metricRegex('val.acc')).test('#metric valXacc=1')).toBe(false);
    expect(metricDefinitions(['a'])).toEqual([{ Name: 'a', Regex: metricRegex('a') }]);
  });
  it('NaN / inf are logged but never match; bad names are rejected', () => {
    expect(formatMetric('l', NaN)).toBe('#metric l=nan');
    expect(new RegExp(metricRegex('l')).test(formatMetric('l', Infinity))).toBe(false);
    expect(() => formatMetric('bad name', 1)).toThrow('metric name "bad name"');
  });
});

describe('pipe mode', () => {
  it('waits for the FIFO <channel>_<epoch> and reads each epoch to EOF', async () => {
    const epochs: string[] = [];
    const reading = (async () => {
      for await (const { epoch, stream } of pipeChannelEpochs('train', 2, {
        inputDataDir: dir,
        pollMs: 10,
      })) {
        let text = '';
        for await (const chunk of stream) text += chunk;
        epochs.push(`${epoch}:${text}`);
      }
    })();
    for (const epoch of [0, 1]) {
      const fifo = path.join(dir, `train_${epoch}`);
      execFileSync('mkfifo', [fifo]);
      // Writing blocks until the reader opens the FIFO, like the platform's feeder.
      await new Promise<void>((resolve, reject) =>
        fs.writeFile(fifo, `records-${epoch}`, (e) => (e ? reject(e) : resolve())),
      );
    }
    await reading;
    expect(epochs).toEqual(['0:records-0', '1:records-1']);
  });
  it('times out naming the channel and FIFO', async () => {
    await expect(openPipeChannel('eval', 0, { inputDataDir: dir, pollMs: 5, timeoutMs: 30 })).rejects.toThrow(
      `channel "eval": Pipe-mode FIFO ${path.join(dir, 'eval_0')} did not appear within 30 ms`,
    );
  });
});

describe('waitForHosts', () => {
  it('resolves real hostnames (localhost)', async () => {
    await expect(waitForHosts(['localhost'], { timeoutMs: 5_000 })).resolves.toBeUndefined();
  });
  it('retries with backoff until every host resolves', async () => {
    const calls: string[] = [];
    let n = 0;
    await waitForHosts(['algo-1', 'algo-2'], {
      initialDelayMs: 1,
      lookup: async (h) => {
        calls.push(h);
        if (h === 'algo-2' && ++n < 3) throw new Error('ENOTFOUND');
      },
    });
    expect(calls).toEqual(['algo-1', 'algo-2', 'algo-2', 'algo-2']);
  });
  it('gives up after the timeout naming the unresolved hosts', async () => {
    const err = await waitForHosts(['algo-1', 'algo-9'], {
      timeoutMs: 30,
      initialDelayMs: 5,
      lookup: async (h) => {
        if (h === 'algo-9') throw new Error('ENOTFOUND');
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(HostResolutionError);
    expect(err.message).toBe('hosts not resolvable after 0 s: algo-9');
  });
});

describe('failure file', () => {
  it('is written once and never overwritten', () => {
    const file = path.join(dir, 'output', 'failure');
    expect(writeFailureFile(file, 'first')).toBe(true);
    expect(writeFailureFile(file, 'second')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['failure']);
  });
});

describe('stop signal', () => {
  beforeEach(() => resetStopState());
  it('aborts the signal and runs handlers once, including late ones', async () => {
    const seen: string[] = [];
    onStop((s) => void seen.push(`early:${s}`));
    expect(stopSignal().aborted).toBe(false);
    await requestStop('SIGINT');
    await requestStop('SIGTERM');
    expect(stopSignal().aborted).toBe(true);
    expect(stopRequestedBy()).toBe('SIGINT');
    onStop((s) => void seen.push(`late:${s}`));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['early:SIGINT', 'late:SIGINT']);
  });
});
