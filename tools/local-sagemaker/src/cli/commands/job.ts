import { ApiTarget, callApi } from '../api-client';
import { ParsedArgs, LocalSageMakerUsageError } from '../args';
import { requireDiscovery } from '../../state/discovery';
import { stateDirOf } from '../options';

export type Kind = 'Training' | 'Processing';

/** Describes a job by name, whichever kind it is. */
export async function findJob(
  api: ApiTarget,
  name: string,
): Promise<{ kind: Kind; job: Record<string, unknown> }> {
  for (const kind of ['Training', 'Processing'] as Kind[]) {
    try {
      const job = await callApi(api, `SageMaker.Describe${kind}Job`, { [`${kind}JobName`]: name });
      return { kind, job };
    } catch (err) {
      // SageMaker's answer for an unknown name (the emulator answers as it does).
      if ((err as Error).message !== 'ValidationException: Requested resource not found.') throw err;
    }
  }
  throw new Error(`No training or processing job named '${name}'`);
}

/** All log lines of the job, per stream in host order, as `[algo-N] message`. */
export async function jobLogs(api: ApiTarget, kind: Kind, name: string): Promise<string[]> {
  const group = `/aws/sagemaker/${kind}Jobs`;
  const { logStreams } = await callApi<{ logStreams: { logStreamName: string }[] }>(
    api,
    'Logs_20140328.DescribeLogStreams',
    { logGroupName: group, logStreamNamePrefix: `${name}/` },
  );
  const lines: string[] = [];
  for (const { logStreamName } of logStreams) {
    const host = logStreamName.slice(name.length + 1).replace(/-\d+$/, '');
    let token: string | undefined;
    for (;;) {
      const page = await callApi<{ events: { message: string }[]; nextForwardToken: string }>(
        api,
        'Logs_20140328.GetLogEvents',
        { logGroupName: group, logStreamName, startFromHead: true, ...(token ? { nextToken: token } : {}) },
      );
      lines.push(...page.events.map((e) => `[${host}] ${e.message}`));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
  }
  return lines;
}

export async function jobCommand(args: ParsedArgs): Promise<number> {
  const name = args.positionals[0];
  if (!name) throw new LocalSageMakerUsageError('job: give a job name');
  const api = requireDiscovery(stateDirOf(args));
  const { kind, job } = await findJob(api, name);
  const time = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toISOString() : '-');
  console.log(`${kind} job ${name}`);
  console.log(
    `  status:     ${String(job[`${kind}JobStatus`])}${job.SecondaryStatus ? ` (${String(job.SecondaryStatus)})` : ''}`,
  );
  console.log(`  created:    ${time(job.CreationTime)}`);
  console.log(`  started:    ${time(job[`${kind}StartTime`])}`);
  console.log(`  ended:      ${time(job[`${kind}EndTime`])}`);
  if (job.FailureReason) console.log(`  failure:    ${String(job.FailureReason)}`);
  if (job.ExitMessage) console.log(`  exit msg:   ${String(job.ExitMessage)}`);
  const model = (job.ModelArtifacts as { S3ModelArtifacts?: string } | undefined)?.S3ModelArtifacts;
  if (model) console.log(`  model:      ${model}`);
  for (const m of (job.FinalMetricDataList as { MetricName: string; Value: number }[] | undefined) ?? [])
    console.log(`  metric:     ${m.MetricName} = ${m.Value}`);
  console.log('  logs:');
  for (const line of await jobLogs(api, kind, name)) console.log(`    ${line}`);
  return 0;
}

export async function stopJobCommand(args: ParsedArgs): Promise<number> {
  const name = args.positionals[0];
  if (!name) throw new LocalSageMakerUsageError('stop-job: give a job name');
  const api = requireDiscovery(stateDirOf(args));
  const { kind } = await findJob(api, name);
  await callApi(api, `SageMaker.Stop${kind}Job`, { [`${kind}JobName`]: name });
  console.log(`${kind} job ${name}: stop requested`);
  return 0;
}
