import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  truncateSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** What is kept in memory of a stream: its size and times, never its events. */
export interface LogStream {
  group: string;
  name: string;
  creationTime: number;
  /** Number of events. */
  count: number;
  firstTimestamp?: number;
  lastTimestamp?: number;
  lastIngestionTime?: number;
}

interface Entry extends LogStream {
  file: string;
  /** Bytes of the stream's file, including lines not flushed yet. */
  size: number;
  /** Byte offset of every INDEX_EVERY-th event: a read seeks there instead of scanning from the start. */
  index: number[];
  pending: string[];
}

export const TRAINING_LOG_GROUP = '/aws/sagemaker/TrainingJobs';
export const PROCESSING_LOG_GROUP = '/aws/sagemaker/ProcessingJobs';
export const LOG_GROUPS = [TRAINING_LOG_GROUP, PROCESSING_LOG_GROUP];

const FLUSH_MS = 250;
const MAX_PENDING = 5_000;
const INDEX_EVERY = 1_000;
/** Reads of 64 KiB: each synchronous stretch of a scan stays short, so other requests interleave. */
const CHUNK = 64 * 1024;

/**
 * Container output as CloudWatch-style streams, stored in `<stateDir>/logs/<group>/<stream>.jsonl`
 * (URI-encoded names, one event per line). Memory holds per stream only its counts, times and a sparse
 * offset index (one number per thousand events), whatever the job prints; reads go to the file,
 * asynchronously and chunk by chunk, so a big read never holds up other requests.
 */
export class LogStore {
  private readonly streams = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly stateDir: string) {
    for (const group of LOG_GROUPS) {
      const dir = this.dir(group);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        const name = decodeURIComponent(file.slice(0, -'.jsonl'.length));
        this.streams.set(key(group, name), indexFile(group, name, join(dir, file)));
      }
    }
  }

  createStream(group: string, name: string): LogStream {
    let stream = this.streams.get(key(group, name));
    if (!stream) {
      mkdirSync(this.dir(group), { recursive: true });
      stream = {
        group,
        name,
        creationTime: Date.now(),
        count: 0,
        file: join(this.dir(group), `${encodeURIComponent(name)}.jsonl`),
        size: 0,
        index: [],
        pending: [],
      };
      this.streams.set(key(group, name), stream);
    }
    return stream;
  }

  append(group: string, name: string, message: string, timestamp = Date.now()): void {
    const stream = this.createStream(group, name) as Entry;
    const event: LogEvent = { timestamp, message, ingestionTime: Date.now() };
    const line = `${JSON.stringify(event)}\n`;
    if (stream.count % INDEX_EVERY === 0) stream.index.push(stream.size);
    stream.size += Buffer.byteLength(line);
    stream.count++;
    stream.firstTimestamp ??= timestamp;
    stream.lastTimestamp = timestamp;
    stream.lastIngestionTime = event.ingestionTime;
    stream.pending.push(line);
    if (stream.pending.length >= MAX_PENDING) flushStream(stream);
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Number of events stored in a stream (0 when it does not exist). */
  count(group: string, name: string): number {
    return this.streams.get(key(group, name))?.count ?? 0;
  }

  stream(group: string, name: string): LogStream | undefined {
    return this.streams.get(key(group, name));
  }

  streamsOf(group: string): LogStream[] {
    return [...this.streams.values()].filter((s) => s.group === group);
  }

  /** Events `from` (inclusive) to `to` (exclusive) of a stream, by position. */
  async read(stream: LogStream, from: number, to: number): Promise<LogEvent[]> {
    const events: LogEvent[] = [];
    if (from >= to) return events;
    await this.scan(stream, from, (event) => {
      if (event) events.push(event);
      return events.length < to - from;
    });
    return events;
  }

  /**
   * Calls `visit` for each event from position `from` on, until it returns false or the stream ends.
   * `mayMatch` sees the stored JSON line first: an event it rejects is not parsed (visited as undefined).
   */
  async scan(
    stream: LogStream,
    from: number,
    visit: (event: LogEvent | undefined, position: number) => boolean,
    mayMatch?: (rawLine: string) => boolean,
  ): Promise<void> {
    const entry = this.streams.get(key(stream.group, stream.name));
    if (!entry || from >= entry.count) return;
    flushStream(entry);
    const block = Math.floor(from / INDEX_EVERY);
    let position = block * INDEX_EVERY;
    let offset = entry.index[block] ?? 0;
    const end = entry.size;
    const handle = await open(entry.file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let rest = Buffer.alloc(0);
      while (offset < end) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - offset), offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        const data =
          rest.length > 0
            ? Buffer.concat([rest, buffer.subarray(0, bytesRead)])
            : buffer.subarray(0, bytesRead);
        let start = 0;
        for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
          if (position >= from) {
            const raw = data.toString('utf8', start, nl);
            const event = !mayMatch || mayMatch(raw) ? (JSON.parse(raw) as LogEvent) : undefined;
            if (!visit(event, position)) return;
          }
          position++;
          start = nl + 1;
        }
        rest = Buffer.from(data.subarray(start));
      }
    } finally {
      await handle.close();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const stream of this.streams.values()) flushStream(stream);
  }

  private dir(group: string): string {
    return join(this.stateDir, 'logs', encodeURIComponent(group));
  }
}

function flushStream(stream: Entry): void {
  if (stream.pending.length === 0) return;
  appendFileSync(stream.file, stream.pending.join(''));
  stream.pending = [];
}

/** Rebuilds a stream's counts, times and offset index from its file (one pass, constant memory). */
function indexFile(group: string, name: string, file: string): Entry {
  const entry: Entry = { group, name, creationTime: 0, count: 0, file, size: 0, index: [], pending: [] };
  const fd = openSync(file, 'r');
  let lineStart = 0;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let partial = Buffer.alloc(0);
    let last: Buffer | undefined;
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK, entry.size);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        if (buffer[i] !== 10) continue;
        const absolute = entry.size + i;
        if (entry.count % INDEX_EVERY === 0) entry.index.push(lineStart);
        const line = Buffer.concat([partial, buffer.subarray(Math.max(0, lineStart - entry.size), i)]);
        if (entry.count === 0) setTimes(entry, line, true);
        last = line;
        partial = Buffer.alloc(0);
        entry.count++;
        lineStart = absolute + 1;
      }
      partial = Buffer.concat([partial, buffer.subarray(Math.max(0, lineStart - entry.size), bytesRead)]);
      entry.size += bytesRead;
    }
    if (last) setTimes(entry, last, false);
  } finally {
    closeSync(fd);
  }
  // A torn last line (crash mid-write) is not an event: cut it, so appends continue after what is complete.
  if (entry.size > lineStart) truncateSync(file, lineStart);
  entry.size = lineStart;
  return entry;
}

function setTimes(entry: Entry, line: Buffer, first: boolean): void {
  try {
    const event = JSON.parse(line.toString('utf8')) as LogEvent;
    if (first) {
      entry.firstTimestamp = event.timestamp;
      entry.creationTime = event.ingestionTime;
    } else {
      entry.lastTimestamp = event.timestamp;
      entry.lastIngestionTime = event.ingestionTime;
    }
  } catch {
    // A damaged line keeps its stream readable; only its times are unknown.
  }
}

const key = (group: string, name: string) => JSON.stringify([group, name]);
