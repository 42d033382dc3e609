import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  group: string;
  name: string;
  creationTime: number;
  events: LogEvent[];
}

export const TRAINING_LOG_GROUP = '/aws/sagemaker/TrainingJobs';
export const PROCESSING_LOG_GROUP = '/aws/sagemaker/ProcessingJobs';
export const LOG_GROUPS = [TRAINING_LOG_GROUP, PROCESSING_LOG_GROUP];

const FLUSH_MS = 250;

/** Container output as CloudWatch-style streams, kept in memory and appended to
 *  `<stateDir>/logs/<group>/<stream>.jsonl` (URI-encoded names) so logs survive a restart. */
export class LogStore {
  private readonly streams = new Map<string, LogStream>();
  private readonly pending = new Map<string, string[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly stateDir: string) {
    for (const group of LOG_GROUPS) {
      const dir = this.dir(group);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        const name = decodeURIComponent(file.slice(0, -'.jsonl'.length));
        const events = readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as LogEvent);
        this.streams.set(key(group, name), {
          group,
          name,
          creationTime: events[0]?.ingestionTime ?? Date.now(),
          events,
        });
      }
    }
  }

  createStream(group: string, name: string): LogStream {
    let stream = this.streams.get(key(group, name));
    if (!stream) {
      stream = { group, name, creationTime: Date.now(), events: [] };
      this.streams.set(key(group, name), stream);
      mkdirSync(this.dir(group), { recursive: true });
    }
    return stream;
  }

  append(group: string, name: string, message: string, timestamp = Date.now()): void {
    const event = { timestamp, message, ingestionTime: Date.now() };
    this.createStream(group, name).events.push(event);
    const k = key(group, name);
    const lines = this.pending.get(k) ?? [];
    lines.push(JSON.stringify(event));
    this.pending.set(k, lines);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Number of events stored in a stream (0 when it does not exist). */
  count(group: string, name: string): number {
    return this.streams.get(key(group, name))?.events.length ?? 0;
  }

  stream(group: string, name: string): LogStream | undefined {
    return this.streams.get(key(group, name));
  }

  streamsOf(group: string): LogStream[] {
    return [...this.streams.values()].filter((s) => s.group === group);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const [k, lines] of this.pending) {
      const [group, name] = JSON.parse(k) as [string, string];
      appendFileSync(join(this.dir(group), `${encodeURIComponent(name)}.jsonl`), lines.join('\n') + '\n');
    }
    this.pending.clear();
  }

  private dir(group: string): string {
    return join(this.stateDir, 'logs', encodeURIComponent(group));
  }
}

const key = (group: string, name: string) => JSON.stringify([group, name]);
