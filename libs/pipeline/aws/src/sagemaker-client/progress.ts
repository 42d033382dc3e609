import type { JobDescription, StatusTransition } from './describe-job';
import type { JobKind } from './job-spec';

export interface JobProgressEvent {
  kind: JobKind;
  jobName: string;
  status: string;
  secondaryStatus?: string;
  /** Milliseconds since the wait began. */
  elapsedMs: number;
  /** Secondary-status transitions that are new (or whose message changed) since the last event. */
  transitions: StatusTransition[];
  /** One human line, e.g. `InProgress / Training - Training image download completed (42 s)`. */
  summary: string;
}

/** Compares two consecutive descriptions; returns an event when something visible changed. */
export function progressBetween(
  prev: JobDescription | undefined,
  next: JobDescription,
  elapsedMs: number,
): JobProgressEvent | undefined {
  const prevTransitions = prev?.transitions ?? [];
  const changed = next.transitions.filter((t, i) => {
    const p = prevTransitions[i];
    return !p || p.status !== t.status || p.message !== t.message;
  });
  const statusChanged = !prev || prev.status !== next.status || prev.secondaryStatus !== next.secondaryStatus;
  if (!statusChanged && changed.length === 0) return undefined;
  const last = next.transitions[next.transitions.length - 1];
  const status = next.secondaryStatus ? `${next.status} / ${next.secondaryStatus}` : next.status;
  const message = last?.message ? ` - ${last.message}` : '';
  return {
    kind: next.kind,
    jobName: next.jobName,
    status: next.status,
    ...(next.secondaryStatus ? { secondaryStatus: next.secondaryStatus } : {}),
    elapsedMs,
    transitions: changed,
    summary: `${status}${message} (${Math.round(elapsedMs / 1000)} s)`,
  };
}
