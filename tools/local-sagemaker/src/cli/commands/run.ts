import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { startLocalSageMaker } from '../../emulator';
import { ApiTarget, callApi } from '../api-client';
import { flag, ParsedArgs, LocalSageMakerUsageError } from '../args';
import { readDiscovery } from '../../state/discovery';
import { emulatorOptions, stateDirOf } from '../options';
import type { Kind } from './job';

const TERMINAL = ['Completed', 'Failed', 'Stopped'];

/**
 * Runs one job from a CreateTrainingJob / CreateProcessingJob request file (JSON or YAML), following its
 * logs, like the seed's local_mode.sh. Uses the running emulator of the state dir, else starts one for
 * the duration of the run. Exit code 0 only when the job Completed.
 */
export async function runCommand(args: ParsedArgs): Promise<number> {
  const file = flag(args, 'request');
  if (!file) throw new LocalSageMakerUsageError('run: --request <file.json|yaml> is required');
  const request = readRequest(file);
  const kind: Kind = 'TrainingJobName' in request ? 'Training' : 'Processing';
  if (!('TrainingJobName' in request) && !('ProcessingJobName' in request))
    throw new LocalSageMakerUsageError(`run: ${file} has neither TrainingJobName nor ProcessingJobName`);
  const nameKey = `${kind}JobName`;
  if (flag(args, 'name')) request[nameKey] = flag(args, 'name');
  if (flag(args, 'unique') === 'true')
    request[nameKey] = `${String(request[nameKey]).slice(0, 48)}-${Date.now()}`;
  const name = String(request[nameKey]);

  const running = readDiscovery(stateDirOf(args));
  const emulator = running ? undefined : await startLocalSageMaker(emulatorOptions(args));
  const api: ApiTarget = running ?? { endpoint: emulator!.endpoint, credentials: emulator!.credentials };
  const stop = () =>
    void callApi(api, `SageMaker.Stop${kind}Job`, { [nameKey]: name }).catch(() => undefined);
  process.once('SIGINT', stop);
  try {
    await callApi(api, `SageMaker.Create${kind}Job`, request);
    console.log(`local-sagemaker: ${kind.toLowerCase()} job ${name} created (${api.endpoint})`);
    const job = await follow(api, kind, name);
    const status = String(job[`${kind}JobStatus`]);
    console.log(`local-sagemaker: ${name} ${status}`);
    if (job.FailureReason) console.log(`  FailureReason: ${String(job.FailureReason)}`);
    const model = (job.ModelArtifacts as { S3ModelArtifacts?: string } | undefined)?.S3ModelArtifacts;
    if (model) console.log(`  ModelArtifacts: ${model}`);
    for (const m of (job.FinalMetricDataList as { MetricName: string; Value: number }[] | undefined) ?? [])
      console.log(`  ${m.MetricName} = ${m.Value}`);
    return status === 'Completed' ? 0 : 1;
  } finally {
    process.off('SIGINT', stop);
    await emulator?.close();
  }
}

function readRequest(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    parsed = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new LocalSageMakerUsageError(`run: cannot read request ${file}: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new LocalSageMakerUsageError(`run: ${file} must hold one Create*Job request object`);
  return parsed as Record<string, unknown>;
}

/** Prints new log lines of every host while polling Describe, until the job ends. */
async function follow(api: ApiTarget, kind: Kind, name: string): Promise<Record<string, unknown>> {
  const group = `/aws/sagemaker/${kind}Jobs`;
  const tokens = new Map<string, string | undefined>();
  const drain = async () => {
    const { logStreams } = await callApi<{ logStreams: { logStreamName: string }[] }>(
      api,
      'Logs_20140328.DescribeLogStreams',
      { logGroupName: group, logStreamNamePrefix: `${name}/` },
    );
    for (const { logStreamName } of logStreams) {
      const host = logStreamName.slice(name.length + 1).replace(/-\d+$/, '');
      for (;;) {
        const token = tokens.get(logStreamName);
        const page = await callApi<{ events: { message: string }[]; nextForwardToken: string }>(
          api,
          'Logs_20140328.GetLogEvents',
          { logGroupName: group, logStreamName, startFromHead: true, ...(token ? { nextToken: token } : {}) },
        );
        for (const e of page.events) console.log(`[${host}] ${e.message}`);
        tokens.set(logStreamName, page.nextForwardToken);
        if (page.nextForwardToken === token || page.events.length === 0) break;
      }
    }
  };
  let last = '';
  for (;;) {
    const job = await callApi(api, `SageMaker.Describe${kind}Job`, { [`${kind}JobName`]: name });
    const status = `${String(job[`${kind}JobStatus`])}${job.SecondaryStatus ? `/${String(job.SecondaryStatus)}` : ''}`;
    if (status !== last) console.log(`local-sagemaker: ${name} ${status}`);
    last = status;
    await drain();
    if (TERMINAL.includes(String(job[`${kind}JobStatus`]))) return job;
    await new Promise((r) => setTimeout(r, 300));
  }
}
