import type { JobRecord } from '../state/types';
import { Checker } from '../validation/checker';
import { fromAwsTime } from './time';
import { paginate } from './pagination';

type Listed = Pick<JobRecord, 'name' | 'status' | 'creationTime' | 'lastModifiedTime'>;

/** Filtering, sorting and paging shared by ListTrainingJobs, ListProcessingJobs and ListHyperParameterTuningJobs. */
export function listJobs<T extends Listed>(jobs: T[], body: Record<string, unknown>) {
  const c = new Checker();
  c.string('SortBy', body.SortBy, { enum: ['Name', 'CreationTime', 'Status'] });
  c.string('SortOrder', body.SortOrder, { enum: ['Ascending', 'Descending'] });
  c.string('StatusEquals', body.StatusEquals, {
    enum: ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'],
  });
  c.string('NameContains', body.NameContains, { max: 63, pattern: '[a-zA-Z0-9\\-]+' });
  c.integer('MaxResults', body.MaxResults, { min: 1, max: 100 });
  c.throwIfInvalid();
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
