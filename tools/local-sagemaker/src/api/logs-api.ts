import { LOG_GROUPS, LogStore, LogStream } from '../logs/log-store';
import { logsInvalidParameter, logsNotFound } from '../server/errors';
import type { HandlerMap } from '../server/http-server';
import { compact } from './job-common';

/** A FilterLogEvents page stops after this many scanned events (or this long) and returns a nextToken:
 *  scanning a million-line group is many short requests, never one that holds the others up. */
const SCAN_EVENTS_PER_PAGE = 200_000;
const SCAN_MS_PER_PAGE = 250;

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
      const selected = streams
        .filter((s) => typeof prefix !== 'string' || s.name.startsWith(prefix))
        .sort((a, b) =>
          orderBy === 'LastEventTime' ? (a.lastTimestamp ?? 0) - (b.lastTimestamp ?? 0) : byName(a, b),
        );
      if (body.descending === true) selected.reverse();
      const { items, nextToken } = page(selected, body.nextToken, limitOf(body.limit, 50, 50));
      return compact({
        logStreams: items.map((s) =>
          compact({
            logStreamName: s.name,
            creationTime: s.creationTime,
            firstEventTimestamp: s.firstTimestamp,
            lastEventTimestamp: s.lastTimestamp,
            lastIngestionTime: s.lastIngestionTime,
            uploadSequenceToken: undefined,
            arn: streamArn(s),
            storedBytes: 0,
          }),
        ),
        nextToken,
      });
    },

    'Logs_20140328.GetLogEvents': async (body) => {
      const g = group(body);
      if (typeof body.logStreamName !== 'string') throw logsInvalidParameter('logStreamName is required');
      const stream = logs.stream(g, body.logStreamName);
      if (!stream) throw logsNotFound('The specified log stream does not exist.');
      const limit = limitOf(body.limit, 10000, 10000);
      const { start, end } = window(stream.count, body.nextToken, body.startFromHead === true, limit);
      const inRange = timeRange(body.startTime, body.endTime);
      const events = (await logs.read(stream, start, end)).filter(inRange);
      return {
        events: events.map((e) => ({
          timestamp: e.timestamp,
          message: e.message,
          ingestionTime: e.ingestionTime,
        })),
        nextForwardToken: `f/${String(end).padStart(20, '0')}`,
        nextBackwardToken: `b/${String(start).padStart(20, '0')}`,
      };
    },

    'Logs_20140328.FilterLogEvents': async (body) => {
      const g = group(body);
      const names = Array.isArray(body.logStreamNames) ? (body.logStreamNames as string[]) : undefined;
      const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : undefined;
      if (names && prefix)
        throw logsInvalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive');
      const streams = logs
        .streamsOf(g)
        .filter((s) => (!names || names.includes(s.name)) && (!prefix || s.name.startsWith(prefix)))
        .sort(byName);
      const { matches, mayMatch } = filterPattern(
        typeof body.filterPattern === 'string' ? body.filterPattern : '',
      );
      const inRange = timeRange(body.startTime, body.endTime);
      const limit = limitOf(body.limit, 10000, 10000);
      let { stream: si, event: from } = filterToken(body.nextToken);
      const events: Record<string, unknown>[] = [];
      const searched: { logStreamName: string; searchedCompletely: boolean }[] = [];
      const deadline = Date.now() + SCAN_MS_PER_PAGE;
      let scanned = 0;
      const full = () => events.length >= limit || scanned >= SCAN_EVENTS_PER_PAGE || Date.now() >= deadline;
      let next: string | undefined;
      for (; si < streams.length; si++, from = 0) {
        const s = streams[si];
        let stoppedAt: number | undefined;
        await logs.scan(
          s,
          from,
          (e, position) => {
            scanned++;
            if (e && inRange(e) && matches(e.message))
              events.push({
                logStreamName: s.name,
                timestamp: e.timestamp,
                message: e.message,
                ingestionTime: e.ingestionTime,
                eventId: `${s.name}:${position}`,
              });
            if (!full()) return true;
            stoppedAt = position + 1;
            return false;
          },
          mayMatch,
        );
        const complete = stoppedAt === undefined || stoppedAt >= s.count;
        searched.push({ logStreamName: s.name, searchedCompletely: complete });
        if (!complete) next = `${si}/${stoppedAt}`;
        else if (full() && si + 1 < streams.length) next = `${si + 1}/0`;
        if (next !== undefined) break;
      }
      return compact({ events, searchedLogStreams: searched, nextToken: next });
    },
  };
}

const byName = (a: LogStream, b: LogStream) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** FilterLogEvents tokens: `<stream position>/<event position>` where the next page starts. */
function filterToken(token: unknown): { stream: number; event: number } {
  if (token === undefined || token === null) return { stream: 0, event: 0 };
  const match = typeof token === 'string' ? /^(\d+)\/(\d+)$/.exec(token) : null;
  if (!match) throw logsInvalidParameter(`The specified nextToken is invalid: '${String(token)}'`);
  return { stream: Number(match[1]), event: Number(match[2]) };
}

/** Tokens are `f/<index>` / `b/<index>` into the stream. Reading forward past the end returns the same
 *  forward token, which is how a follower knows it has caught up (CloudWatch semantics). */
function window(count: number, token: unknown, startFromHead: boolean, limit: number) {
  if (typeof token === 'string') {
    const match = /^([fb])\/(\d+)$/.exec(token);
    if (!match) throw logsInvalidParameter(`The specified nextToken is invalid: '${token}'`);
    const index = Math.min(Number(match[2]), count);
    return match[1] === 'f'
      ? { start: index, end: Math.min(count, index + limit) }
      : { start: Math.max(0, index - limit), end: index };
  }
  if (startFromHead) return { start: 0, end: Math.min(count, limit) };
  return { start: Math.max(0, count - limit), end: count };
}

function timeRange(startTime: unknown, endTime: unknown): (e: { timestamp: number }) => boolean {
  const from = typeof startTime === 'number' ? startTime : -Infinity;
  const to = typeof endTime === 'number' ? endTime : Infinity;
  return (e) => e.timestamp >= from && e.timestamp <= to;
}

/**
 * The plain-term subset of CloudWatch filter patterns: every term (or "quoted phrase") must appear;
 * a term starting with `-` must not. Case-sensitive, as CloudWatch is. `mayMatch` checks the stored JSON
 * line for the required terms that JSON stores unchanged (plain ASCII without quotes or backslashes), so
 * most events of a selective search are never parsed.
 */
function filterPattern(pattern: string): {
  matches: (message: string) => boolean;
  mayMatch: (rawLine: string) => boolean;
} {
  const terms = [...pattern.matchAll(/(-?)"([^"]*)"|(-?)(\S+)/g)].map((m) => ({
    negate: (m[1] || m[3]) === '-',
    text: m[2] ?? m[4],
  }));
  if (terms.some((t) => /^[{[]/.test(t.text)))
    throw logsInvalidParameter(
      `JSON and space-delimited filter patterns are not supported locally: '${pattern}'`,
    );
  const literal = terms.filter((t) => !t.negate && /^[\x20-\x7e]*$/.test(t.text) && !/["\\]/.test(t.text));
  return {
    matches: (message) => terms.every((t) => message.includes(t.text) !== t.negate),
    mayMatch: (raw) => literal.every((t) => raw.includes(t.text)),
  };
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
