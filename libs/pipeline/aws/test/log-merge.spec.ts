import { hostOfStream, JobLogEvent, mergeByTime } from '../src/sagemaker-client/log-tailer';

const ev = (stream: string, timestamp: number, message: string): JobLogEvent => ({
  timestamp,
  stream,
  host: hostOfStream('job', stream),
  message,
});

describe('mergeByTime (one poll of every host stream)', () => {
  it('interleaves the hosts by timestamp, keeping stream order on ties and each stream in order', () => {
    const a = [ev('job/algo-1-1', 10, 'a1'), ev('job/algo-1-1', 30, 'a2'), ev('job/algo-1-1', 30, 'a3')];
    const b = [ev('job/algo-2-1', 5, 'b1'), ev('job/algo-2-1', 30, 'b2'), ev('job/algo-2-1', 40, 'b3')];
    expect(mergeByTime([a, b]).map((e) => e.message)).toEqual(['b1', 'a1', 'a2', 'a3', 'b2', 'b3']);
  });

  it('names the host of a stream `<job>/<host>-<epoch>`', () => {
    expect(hostOfStream('job', 'job/algo-2-1700000000')).toBe('algo-2');
    expect(hostOfStream('job', 'other/algo-1-1')).toBe('other/algo-1');
  });
});
