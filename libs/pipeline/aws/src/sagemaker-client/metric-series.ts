import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { JobLogEvent } from './log-tailer';
import { JobLogTailer } from './log-tailer';

/** One point of a metric's time series. */
export interface MetricPoint {
  metric: string;
  /** The `step=N` the line carries (epoch/iteration), else the point's index in its series. */
  step: number;
  value: number;
  /** Log event time, epoch ms. */
  timestamp: number;
}

const STEP = /\bstep=(\d+)\b/;

/**
 * A training job's metric series, taken from its log lines with its MetricDefinitions exactly as
 * SageMaker does for the CloudWatch metrics it publishes (`/aws/sagemaker/TrainingJobs`): the first
 * capture group (or the whole match) of each matching line is a value. Reading the logs, not
 * CloudWatch metrics, is what behaves the same on AWS and on the local stack (which serves the logs).
 */
export function parseMetricSeries(
  events: readonly Pick<JobLogEvent, 'timestamp' | 'message'>[],
  definitions: readonly { name: string; regex: string }[],
): MetricPoint[] {
  const defs = definitions.map((d) => ({ name: d.name, re: new RegExp(d.regex) }));
  const counts = new Map<string, number>();
  const points: MetricPoint[] = [];
  for (const event of events) {
    for (const line of event.message.split('\n')) {
      for (const { name, re } of defs) {
        const match = re.exec(line);
        if (!match) continue;
        const value = Number.parseFloat(match[1] ?? match[0]);
        if (!Number.isFinite(value)) continue;
        const index = counts.get(name) ?? 0;
        counts.set(name, index + 1);
        const step = STEP.exec(line);
        points.push({
          metric: name,
          step: step ? Number(step[1]) : index,
          value,
          timestamp: event.timestamp,
        });
      }
    }
  }
  return points;
}

/** Reads every log event of a finished training job (all hosts) and parses its metric series. */
export async function readMetricSeries(
  logs: CloudWatchLogsClient,
  jobName: string,
  definitions: readonly { name: string; regex: string }[],
): Promise<MetricPoint[]> {
  const tailer = new JobLogTailer(logs, 'training', jobName);
  const events: JobLogEvent[] = [];
  for (;;) {
    const batch = await tailer.poll();
    if (batch.length === 0) break;
    events.push(...batch);
  }
  return parseMetricSeries(events, definitions);
}
