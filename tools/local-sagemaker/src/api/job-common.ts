import type { SageMakerOperation } from '@mlops/contract';
import { checkRequest } from '@mlops/contract';
import { jobArn } from '../jobs/arn';
import { resourceInUse, validationError } from '../server/errors';
import { validateInput } from '../validation/validate';
import type { JobKind, JobRecord } from '../state/types';
import { TERMINAL } from '../state/types';
import type { ApiDeps } from './deps';

const LABEL: Record<JobKind, string> = { training: 'Training', processing: 'Processing' };

/** Registers a new job (ResourceInUse on a name taken in any letter case) and starts it; Create returns at once. */
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

/**
 * The job named in a Describe/Stop body. A missing name is a validation error; an unknown or malformed one
 * answers what SageMaker answers for both: ValidationException "Requested resource not found." (not the
 * ResourceNotFound the model lists). Names are matched in any letter case, as the service does.
 */
export function requireJob(
  deps: ApiDeps,
  kind: JobKind,
  operation: SageMakerOperation,
  body: Record<string, unknown>,
): JobRecord {
  const name = body[`${LABEL[kind]}JobName`];
  if (name === undefined || name === null) validateInput(operation, body);
  const job = checkRequest(operation, body).length === 0 ? deps.store.get(kind, name as string) : undefined;
  if (!job) throw validationError('Requested resource not found.');
  return job;
}

/** Stop: Stopping at once, Stopped when the containers have exited (after at most the grace period). */
export function stopJob(
  deps: ApiDeps,
  kind: JobKind,
  operation: SageMakerOperation,
  body: Record<string, unknown>,
): Record<string, never> {
  const job = requireJob(deps, kind, operation, body);
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
