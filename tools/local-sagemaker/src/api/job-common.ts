import { jobArn } from '../jobs/arn';
import { resourceInUse, resourceNotFound, validationError } from '../server/errors';
import type { JobKind, JobRecord } from '../state/types';
import { TERMINAL } from '../state/types';
import type { ApiDeps } from './deps';

const LABEL: Record<JobKind, string> = { training: 'Training', processing: 'Processing' };

/** Registers a new job (ResourceInUse on a duplicate name) and starts it; Create returns at once. */
export function createJob(
  deps: ApiDeps,
  kind: JobKind,
  name: string,
  roleArn: string,
  request: JobRecord['request'],
) {
  const now = Date.now();
  const arn = jobArn(kind, name, roleArn, deps.region);
  const job: JobRecord = {
    kind,
    name,
    arn,
    request,
    status: 'InProgress',
    secondaryStatus: 'Starting',
    transitions: [
      { Status: 'Starting', StartTime: now, StatusMessage: 'Preparing the instances for training' },
    ],
    creationTime: now,
    lastModifiedTime: now,
    finalMetrics: [],
    logStreams: [],
    runtime: deps.runtimeName,
    runnerId: deps.runnerId,
  };
  if (kind === 'processing') job.transitions[0].StatusMessage = 'Preparing the instances for processing';
  deps.admit(job);
  if (!deps.store.insert(job)) {
    const existing = deps.store.get(kind, name);
    throw resourceInUse(
      `${LABEL[kind]} job names must be unique within an AWS account and region, and a ${kind} job with this ` +
        `name already exists (${existing?.arn ?? arn})`,
    );
  }
  deps.launch(job);
  return job;
}

export function requireJob(deps: ApiDeps, kind: JobKind, name: unknown): JobRecord {
  if (typeof name !== 'string' || name === '')
    throw validationError(
      `1 validation error detected: Value null at '${kind}JobName' failed to satisfy constraint: Member must not be null`,
    );
  const job = deps.store.get(kind, name);
  if (!job)
    throw resourceNotFound(`Requested resource not found: ${LABEL[kind]} job '${name}' does not exist`);
  return job;
}

/** Stop: Stopping at once, Stopped when the containers have exited (after at most the grace period). */
export function stopJob(deps: ApiDeps, kind: JobKind, name: unknown): Record<string, never> {
  const job = requireJob(deps, kind, name);
  if (job.status === 'Stopping') return {};
  if (TERMINAL.includes(job.status))
    throw validationError(`The request was rejected because the ${kind} job is in status ${job.status}.`);
  const now = Date.now();
  const transitions = job.transitions.map((t) => (t.EndTime === undefined ? { ...t, EndTime: now } : t));
  transitions.push({ Status: 'Stopping', StartTime: now, StatusMessage: 'Stopping the job' });
  deps.store.update(job, { status: 'Stopping', secondaryStatus: 'Stopping', transitions });
  deps.stop(kind, job.name);
  return {};
}

/** Drops undefined members so responses carry only what is set, as the service does. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
