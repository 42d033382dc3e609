// A job that prints N lines (default 1,000,000) on the process runtime, the emulator in its own process:
// its peak RSS, FilterLogEvents paged over the whole group (time per page) and DescribeTrainingJob latency
// measured all along. Usage: bench.mjs logs-at-scale [lines]. Needs `nx run local-sagemaker:build`.
import { loadOrCreateCredentials } from '../src/auth/credentials';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { FIXTURES, PROJECT_ROOT, ROLE, sagemakerClient } from './support';

const lines = Number(process.argv[2] ?? 1_000_000);
const rssKiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

async function main() {
  const state = mkdtempSync(join(tmpdir(), 'lsm-bench-logs-'));
  const emulator = spawn(
    process.execPath,
    [
      join(PROJECT_ROOT, 'dist', 'cli.js'),
      'start',
      '--state-dir',
      state,
      '--runtime',
      'process',
      '--s3',
      'none',
      '--image-map',
      join(FIXTURES, 'image-map.json'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const endpoint = await new Promise<string>((resolve) =>
    emulator.stdout.on('data', (d: Buffer) => {
      const m = /SageMaker \+ CloudWatch Logs: (\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    }),
  );
  // The stack wrote its key pair into its state dir before printing its endpoints.
  const credentials = loadOrCreateCredentials(state);
  const sm = sagemakerClient({ endpoint, credentials });
  const logs = new CloudWatchLogsClient({ endpoint, region: 'us-east-1', credentials });
  let peakRss = rssKiB(emulator.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssKiB(emulator.pid!))), 100);
  const started = performance.now();
  await sm.send(
    new CreateTrainingJobCommand({
      TrainingJobName: 'chatty',
      RoleArn: ROLE,
      AlgorithmSpecification: {
        TrainingImage: 'fixture-job:latest',
        TrainingInputMode: 'File',
        MetricDefinitions: [{ Name: 'loss', Regex: 'loss=([0-9.]+)' }],
      },
      HyperParameters: { mode: 'lines', lines: String(lines) },
      OutputDataConfig: { S3OutputPath: pathToFileURL(join(state, 'out')).href },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    }),
  );
  const describeMs: number[] = [];
  let describing = true;
  const describer = (async () => {
    while (describing) {
      const t = performance.now();
      await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'chatty' }));
      describeMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  let status = '';
  while (!['Completed', 'Failed', 'Stopped'].includes(status)) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'chatty' })))
      .TrainingJobStatus!;
  }
  const jobMs = performance.now() - started;
  const describeDuringJob = [...describeMs];

  // The whole group, page by page, with a pattern that matches 10 lines.
  const pageMs: number[] = [];
  let matched = 0;
  let token: string | undefined;
  do {
    const t = performance.now();
    const res = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/aws/sagemaker/TrainingJobs',
        filterPattern: '"line 12345" loss',
        nextToken: token,
      }),
    );
    pageMs.push(performance.now() - t);
    matched += res.events?.length ?? 0;
    token = res.nextToken;
  } while (token);
  describing = false;
  await describer;
  clearInterval(sampler);
  const describeDuringFilter = describeMs.slice(describeDuringJob.length);

  console.log(`lines: ${lines}, job ${status} in ${(jobMs / 1000).toFixed(1)} s`);
  console.log(`emulator peak RSS: ${(peakRss / 1024).toFixed(0)} MiB`);
  console.log(
    `FilterLogEvents over the group: ${pageMs.length} pages, ${matched} matches, slowest page ${pct(pageMs, 100).toFixed(0)} ms, ` +
      `total ${(pageMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`,
  );
  for (const [label, xs] of [
    ['while the job ran', describeDuringJob],
    ['while FilterLogEvents paged', describeDuringFilter],
  ] as const)
    console.log(
      `DescribeTrainingJob ${label}: n=${xs.length} p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms, max ${pct(xs, 100).toFixed(1)} ms`,
    );
  sm.destroy();
  logs.destroy();
  emulator.kill('SIGTERM');
  await new Promise((r) => emulator.on('exit', r));
  rmSync(state, { recursive: true, force: true });
}

void main();
