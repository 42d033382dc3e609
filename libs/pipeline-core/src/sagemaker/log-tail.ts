import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { LOG_GROUP, JobKind } from './job-kind';

export interface LogLine {
  /** Stream name without the `<job>/` prefix (the host, e.g. `algo-1-1700000000`). */
  host: string;
  timestamp: number;
  message: string;
}

/**
 * Follows a job's CloudWatch log streams (`<job>/<host>`, one per instance) like the Python SDK's
 * `wait(logs=True)`: each poll returns only new lines, merged across hosts by time.
 */
export class LogTail {
  private readonly tokens = new Map<string, string | undefined>();

  constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly kind: JobKind,
    private readonly jobName: string,
  ) {}

  async poll(): Promise<LogLine[]> {
    const group = LOG_GROUP[this.kind];
    const prefix = `${this.jobName}/`;
    const lines: LogLine[] = [];
    for (const stream of await this.streams(group, prefix)) {
      // Page until the forward token stops changing: that is how GetLogEvents signals "no more yet".
      for (;;) {
        const previous = this.tokens.get(stream);
        const out = await this.client.send(
          new GetLogEventsCommand({
            logGroupName: group,
            logStreamName: stream,
            startFromHead: true,
            nextToken: previous,
          }),
        );
        for (const e of out.events ?? []) {
          lines.push({
            host: stream.slice(prefix.length),
            timestamp: e.timestamp ?? 0,
            message: (e.message ?? '').replace(/\n$/, ''),
          });
        }
        this.tokens.set(stream, out.nextForwardToken ?? previous);
        if (!out.nextForwardToken || out.nextForwardToken === previous || (out.events ?? []).length === 0)
          break;
      }
    }
    return lines.sort((a, b) => a.timestamp - b.timestamp);
  }

  private async streams(group: string, prefix: string): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: prefix, nextToken }),
        );
        for (const s of out.logStreams ?? []) if (s.logStreamName) names.push(s.logStreamName);
        nextToken = out.nextToken;
      } while (nextToken);
    } catch (err) {
      // The group or stream appears only once the job has printed something.
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return [];
      throw err;
    }
    return names;
  }
}
