import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { readMetricSeries } from '@mlops/aws';
import type { DbAdapter } from '@mlops/db';

/**
 * Stores a finished training job's metric series, parsed from its CloudWatch Logs with its
 * MetricDefinitions (the same on AWS and on the local stack; see @mlops/aws readMetricSeries).
 * Returns the number of points.
 */
export async function recordMetricSeries(
  deps: { logs: CloudWatchLogsClient; db: DbAdapter },
  jobName: string,
  definitions: readonly { name: string; regex: string }[],
): Promise<number> {
  if (definitions.length === 0) return 0;
  const points = await readMetricSeries(deps.logs, jobName, definitions);
  return deps.db.replaceMetricSeries(jobName, points);
}
