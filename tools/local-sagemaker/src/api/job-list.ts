import type { JobRecord } from '../state/types';
import { validateInput } from '../validation/validate';
import { fromAwsTime } from './time';
import { paginate } from './pagination';

type Listed = Pick<JobRecord, 'name' | 'status' | 'creationTime' | 'lastModifiedTime'>;

/** Filtering, sorting and paging shared by ListTrainingJobs, ListProcessingJobs and ListHyperParameterTuningJobs. */
export function listJobs<T extends Listed>(
  jobs: T[],
  operation: 'ListTrainingJobs' | 'ListProcessingJobs' | 'ListHyperParameterTuningJobs',
  body: Record<string, unknown>,
) {
  validateInput(operation, body);
  const after = fromAwsTime(body.CreationTimeAfter);
  const before = fromAwsTime(body.CreationTimeBefore);
  const modAfter = fromAwsTime(body.LastModifiedTimeAfter);
  const modBefore = fromAwsTime(body.LastModifiedTimeBefore);
  const name = typeof body.NameContains === 'string' ? body.NameContains.toLowerCase() : undefined;
  const filtered = jobs.filter(
    (j) =>
      (after === undefined || j.creationTime > after) &&
      (before === undefined || j.creationTime < before) &&
      (modAfter === undefined || j.lastModifiedTime > modAfter) &&
      (modBefore === undefined || j.lastModifiedTime < modBefore) &&
      (name === undefined || j.name.toLowerCase().includes(name)) &&
      (body.StatusEquals === undefined || j.status === body.StatusEquals),
  );
  const sortBy = (body.SortBy as string | undefined) ?? 'CreationTime';
  const key = (j: T): string | number =>
    sortBy === 'Name' ? j.name : sortBy === 'Status' ? j.status : j.creationTime;
  filtered.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.name.localeCompare(b.name)));
  if (body.SortOrder === 'Descending') filtered.reverse();
  return paginate(filtered, body.NextToken, body.MaxResults, 10, 100);
}
