import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import type { JobKind } from './job-spec';

export const LOG_GROUPS: Record<JobKind, string> = {
  training: '/aws/sagemaker/TrainingJobs',
  processing: '/aws/sagemaker/ProcessingJobs',
};

export interface JobLogEvent {
  timestamp: number;
  /** Full stream name, `<job>/<host>-<epoch>`. */
  stream: string;
  /** `algo-1` for `<job>/algo-1-1700000000`. */
  host: string;
  message: string;
}

/** `<job>/algo-1-1700000000` → `algo-1`. */
export function hostOfStream(jobName: string, stream: string): string {
  const rest = stream.startsWith(`${jobName}/`) ? stream.slice(jobName.length + 1) : stream;
  return rest.replace(/-\d+$/, '');
}

/** Merges per-stream batches (each already in time order) by timestamp; ties keep stream order. */
export function mergeByTime(batches: JobLogEvent[][]): JobLogEvent[] {
  const tagged = batches.flatMap((b, s) => b.map((e, i) => ({ e, s, i })));
  tagged.sort((a, b) => a.e.timestamp - b.e.timestamp || a.s - b.s || a.i - b.i);
  return tagged.map((t) => t.e);
}

/**
 * Follows a job's CloudWatch log streams (one per host, names prefixed `<job>/`), remembering each
 * stream's forward token so every event is returned once. Each poll returns the new events of all
 * streams merged by time, like the Python SDK's `logs=True`.
 */
export class JobLogTailer {
  private readonly group: string;
  private readonly tokens = new Map<string, string | undefined>();

  constructor(
    private readonly logs: CloudWatchLogsClient,
    kind: JobKind,
    private readonly jobName: string,
    /** Pages read per stream per poll, so one chatty host cannot stall progress reporting. */
    private readonly maxPagesPerStream = 20,
  ) {
    this.group = LOG_GROUPS[kind];
  }

  async poll(): Promise<JobLogEvent[]> {
    await this.discoverStreams();
    const batches: JobLogEvent[][] = [];
    for (const stream of [...this.tokens.keys()].sort()) batches.push(await this.readStream(stream));
    return mergeByTime(batches);
  }

  private async discoverStreams(): Promise<void> {
    let nextToken: string | undefined;
    try {
      do {
        const res = await this.logs.send(
          new DescribeLogStreamsCommand({
            logGroupName: this.group,
            logStreamNamePrefix: `${this.jobName}/`,
            nextToken,
          }),
        );
        for (const s of res.logStreams ?? []) {
          if (s.logStreamName && !this.tokens.has(s.logStreamName))
            this.tokens.set(s.logStreamName, undefined);
        }
        nextToken = res.nextToken;
      } while (nextToken);
    } catch (err) {
      // The group appears only once the first job writes a line.
      if (
        err instanceof ResourceNotFoundException ||
        (err as { name?: string }).name === 'ResourceNotFoundException'
      )
        return;
      throw err;
    }
  }

  private async readStream(stream: string): Promise<JobLogEvent[]> {
    const out: JobLogEvent[] = [];
    const host = hostOfStream(this.jobName, stream);
    for (let page = 0; page < this.maxPagesPerStream; page++) {
      const token = this.tokens.get(stream);
      const res = await this.logs.send(
        new GetLogEventsCommand({
          logGroupName: this.group,
          logStreamName: stream,
          startFromHead: true,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      for (const e of res.events ?? []) {
        out.push({ timestamp: e.timestamp ?? 0, stream, host, message: e.message ?? '' });
      }
      // CloudWatch returns the same forward token once the reader has caught up.
      const caughtUp =
        !res.nextForwardToken || res.nextForwardToken === token || (res.events ?? []).length === 0;
      if (res.nextForwardToken) this.tokens.set(stream, res.nextForwardToken);
      if (caughtUp) break;
    }
    return out;
  }
}
