import { LOG_GROUPS, LogEvent, LogStore, LogStream } from '../logs/log-store';
import { logsInvalidParameter, logsNotFound } from '../server/errors';
import type { HandlerMap } from '../server/http-server';
import { compact } from './job-common';

/** CloudWatch Logs subset the SageMaker SDKs use to follow job output. */
export function logsHandlers(logs: LogStore, region: string): HandlerMap {
  const group = (body: Record<string, unknown>): string => {
    const name = body.logGroupName;
    if (typeof name !== 'string' || name === '') throw logsInvalidParameter('logGroupName is required');
    if (!LOG_GROUPS.includes(name)) throw logsNotFound('The specified log group does not exist.');
    return name;
  };
  const streamArn = (s: LogStream) =>
    `arn:aws:logs:${region}:000000000000:log-group:${s.group}:log-stream:${s.name}`;

  return {
    'Logs_20140328.DescribeLogStreams': (body) => {
      const streams = logs.streamsOf(group(body));
      const prefix = body.logStreamNamePrefix;
      const orderBy = body.orderBy ?? 'LogStreamName';
      if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
        throw logsInvalidParameter(
          `orderBy must be LogStreamName or LastEventTime, not '${String(orderBy)}'`,
        );
      if (prefix !== undefined && orderBy === 'LastEventTime')
        throw logsInvalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
      const lastTime = (s: LogStream) => s.events.at(-1)?.timestamp ?? 0;
      const selected = streams
        .filter((s) => typeof prefix !== 'string' || s.name.startsWith(prefix))
        .sort((a, b) =>
          orderBy === 'LastEventTime'
            ? lastTime(a) - lastTime(b)
            : a.name < b.name
              ? -1
              : a.name > b.name
                ? 1
                : 0,
        );
      if (body.descending === true) selected.reverse();
      const { items, nextToken } = page(selected, body.nextToken, limitOf(body.limit, 50, 50));
      return compact({
        logStreams: items.map((s) =>
          compact({
            logStreamName: s.name,
            creationTime: s.creationTime,
            firstEventTimestamp: s.events[0]?.timestamp,
            lastEventTimestamp: s.events.at(-1)?.timestamp,
            lastIngestionTime: s.events.at(-1)?.ingestionTime,
            uploadSequenceToken: undefined,
            arn: streamArn(s),
            storedBytes: 0,
          }),
        ),
        nextToken,
      });
    },

    'Logs_20140328.GetLogEvents': (body) => {
      const g = group(body);
      if (typeof body.logStreamName !== 'string') throw logsInvalidParameter('logStreamName is required');
      const stream = logs.stream(g, body.logStreamName);
      if (!stream) throw logsNotFound('The specified log stream does not exist.');
      const limit = limitOf(body.limit, 10000, 10000);
      const inRange = inTimeRange(stream.events, body.startTime, body.endTime);
      return getEvents(inRange, body.nextToken, body.startFromHead === true, limit);
    },

    'Logs_20140328.FilterLogEvents': (body) => {
      const g = group(body);
      const names = Array.isArray(body.logStreamNames) ? (body.logStreamNames as string[]) : undefined;
      const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : undefined;
      if (names && prefix)
        throw logsInvalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive');
      const streams = logs
        .streamsOf(g)
        .filter((s) => (!names || names.includes(s.name)) && (!prefix || s.name.startsWith(prefix)));
      const matches = filterPattern(typeof body.filterPattern === 'string' ? body.filterPattern : '');
      const events = streams
        .flatMap((s) =>
          inTimeRange(s.events, body.startTime, body.endTime).map((e) => ({
            logStreamName: s.name,
            timestamp: e.timestamp,
            message: e.message,
            ingestionTime: e.ingestionTime,
            eventId: `${s.name}:${s.events.indexOf(e)}`,
          })),
        )
        .filter((e) => matches(e.message))
        .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
      const { items, nextToken } = page(events, body.nextToken, limitOf(body.limit, 10000, 10000));
      return compact({
        events: items,
        searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
        nextToken,
      });
    },
  };
}

/** Tokens are `f/<index>` / `b/<index>` into the stream. Reading forward past the end returns the same
 *  forward token, which is how a follower knows it has caught up (CloudWatch semantics). */
function getEvents(events: LogEvent[], token: unknown, startFromHead: boolean, limit: number) {
  let start: number;
  let end: number;
  if (typeof token === 'string') {
    const match = /^([fb])\/(\d+)$/.exec(token);
    if (!match) throw logsInvalidParameter(`The specified nextToken is invalid: '${token}'`);
    const index = Math.min(Number(match[2]), events.length);
    if (match[1] === 'f') {
      start = index;
      end = Math.min(events.length, index + limit);
    } else {
      end = index;
      start = Math.max(0, index - limit);
    }
  } else if (startFromHead) {
    start = 0;
    end = Math.min(events.length, limit);
  } else {
    end = events.length;
    start = Math.max(0, end - limit);
  }
  return {
    events: events
      .slice(start, end)
      .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: `f/${String(end).padStart(20, '0')}`,
    nextBackwardToken: `b/${String(start).padStart(20, '0')}`,
  };
}

function inTimeRange(events: LogEvent[], startTime: unknown, endTime: unknown): LogEvent[] {
  const from = typeof startTime === 'number' ? startTime : -Infinity;
  const to = typeof endTime === 'number' ? endTime : Infinity;
  return events.filter((e) => e.timestamp >= from && e.timestamp <= to);
}

/** The plain-term subset of CloudWatch filter patterns: every term (or "quoted phrase") must appear;
 *  a term starting with `-` must not. Case-sensitive, as CloudWatch is. */
function filterPattern(pattern: string): (message: string) => boolean {
  const terms = [...pattern.matchAll(/(-?)"([^"]*)"|(-?)(\S+)/g)].map((m) => ({
    negate: (m[1] || m[3]) === '-',
    text: m[2] ?? m[4],
  }));
  if (terms.some((t) => /^[{[]/.test(t.text)))
    throw logsInvalidParameter(
      `JSON and space-delimited filter patterns are not supported locally: '${pattern}'`,
    );
  return (message) => terms.every((t) => message.includes(t.text) !== t.negate);
}

function limitOf(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw logsInvalidParameter(`limit must be an integer between 1 and ${max}`);
  return value;
}

function page<T>(items: T[], token: unknown, limit: number) {
  const offset = typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : 0;
  if (token !== undefined && token !== null && !(typeof token === 'string' && /^\d+$/.test(token)))
    throw logsInvalidParameter(`The specified nextToken is invalid: '${String(token)}'`);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, nextToken: offset + limit < items.length ? String(offset + limit) : undefined };
}
