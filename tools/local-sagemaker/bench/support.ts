import type { StackCredentials } from '../src/auth/credentials';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';

declare const __BENCH_ROOT__: string;
/** tools/local-sagemaker, injected by scripts/bench.mjs. */
export const PROJECT_ROOT = __BENCH_ROOT__;
export const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures');
export const ROLE = 'arn:aws:iam::123456789012:role/bench';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A client of a running emulator, signing with its key pair (every endpoint checks SigV4). */
export function sagemakerClient(stack: { endpoint: string; credentials: StackCredentials }): SageMakerClient {
  return new SageMakerClient({
    endpoint: stack.endpoint,
    region: 'us-east-1',
    credentials: stack.credentials,
  });
}

/** Polls Describe every `everyMs` until the job is terminal; returns the final status. */
export async function waitTerminal(sm: SageMakerClient, name: string, everyMs = 10): Promise<string> {
  for (;;) {
    const d = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    if (['Completed', 'Failed', 'Stopped'].includes(d.TrainingJobStatus!)) return d.TrainingJobStatus!;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs a command to completion; resolves with its wall time in ms. Output is discarded. */
export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Own session, like the emulator's job processes (detached): with the kernel's autogroup scheduling a
    // new session gets its own CPU share, so on a loaded machine anything else would compare unlike with like.
    const child = spawn(cmd, args, { env, stdio: 'ignore', detached: true });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - start)
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** A training /opt/ml as the platform writes it, for the bare runs. */
export function bareOptMl(dir: string, hyperParameters: Record<string, string>): string {
  for (const sub of ['input/config', 'model', 'output/data']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'input/config/hyperparameters.json'), JSON.stringify(hyperParameters));
  writeFileSync(join(dir, 'input/config/inputdataconfig.json'), '{}');
  writeFileSync(
    join(dir, 'input/config/resourceconfig.json'),
    JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
  );
  return dir;
}

export function trainingRequest(
  name: string,
  image: string,
  outputPath: string,
  hyperParameters: Record<string, string>,
) {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' as const },
    HyperParameters: hyperParameters,
    OutputDataConfig: { S3OutputPath: outputPath },
    ResourceConfig: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1, VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: 600 },
  };
}

/** Builds the fixture image (`train` on PATH) from node:24-bookworm-slim, as the integration tests do. */
export function buildFixtureImage(tag: string): void {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const { copyFileSync, mkdtempSync, rmSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const ctx = mkdtempSync(join(tmpdir(), 'lsm-bench-image-'));
  copyFileSync(join(FIXTURES, 'job.js'), join(ctx, 'job.js'));
  writeFileSync(join(ctx, 'train'), '#!/bin/sh\nexec node /app/job.js train "$@"\n', { mode: 0o755 });
  writeFileSync(
    join(ctx, 'Dockerfile'),
    'FROM node:24-bookworm-slim\nCOPY job.js /app/job.js\nCOPY train /usr/local/bin/train\nCMD ["node", "/app/job.js", "process"]\n',
  );
  execFileSync('docker', ['build', '-q', '-t', tag, ctx], { stdio: 'ignore' });
  rmSync(ctx, { recursive: true, force: true });
}

/**
 * Describe polling interval of the benches. A client's poll cadence is not the emulator's overhead (the Python
 * SDK polls every few seconds), and polling every few ms from the emulator's own process would steal the CPU
 * the job needs on a small machine, so the ratio is taken at the job's end time the emulator reports.
 */
export const POLL_MS = Number(process.env.POLL_MS ?? 100);

export interface JobTiming {
  /** Create → the job's TrainingEndTime as the emulator records it (artifacts uploaded, cleanup done). */
  completedMs: number;
  /** Create → a Describe poll saw the terminal state (adds up to POLL_MS). */
  seenMs: number;
}

/** Runs one training job through the emulator; throws unless it Completed. */
export async function timedTrainingJob(
  sm: SageMakerClient,
  request: ConstructorParameters<typeof CreateTrainingJobCommand>[0],
): Promise<JobTiming> {
  const startEpoch = Date.now();
  const start = performance.now();
  await sm.send(new CreateTrainingJobCommand(request));
  const name = request.TrainingJobName as string;
  const status = await waitTerminal(sm, name, POLL_MS);
  const seenMs = performance.now() - start;
  if (status !== 'Completed') throw new Error(`${name} ended ${status}`);
  const d = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  return { completedMs: (d.TrainingEndTime as Date).getTime() - startEpoch, seenMs };
}

export interface Comparison {
  bare: number[];
  viaEmulator: JobTiming[];
}

/**
 * Runs the bare and the emulated variant `runs` times each, alternating which goes first so neither always
 * runs right after the other's cleanup and machine load hits both alike.
 */
export async function alternate(
  runs: number,
  bare: (i: number) => Promise<number>,
  viaEmulator: (i: number) => Promise<JobTiming>,
): Promise<Comparison> {
  const out: Comparison = { bare: [], viaEmulator: [] };
  for (let i = 0; i < runs; i++) {
    const pair = [
      async () => void out.bare.push(await bare(i)),
      async () => void out.viaEmulator.push(await viaEmulator(i)),
    ];
    for (const run of i % 2 ? pair.reverse() : pair) await run();
  }
  return out;
}

/** Prints medians and the ratio against the 1.2× target. */
export function report(title: string, bareLabel: string, times: Comparison): void {
  const b = median(times.bare);
  const done = median(times.viaEmulator.map((t) => t.completedMs));
  const seen = median(times.viaEmulator.map((t) => t.seenMs));
  console.log(title);
  console.log(`  ${bareLabel}: median ${b.toFixed(0)} ms`);
  console.log(`  via emulator, Create → Completed (TrainingEndTime): median ${done.toFixed(0)} ms`);
  console.log(
    `  via emulator, Create → Completed seen by Describe every ${POLL_MS} ms: median ${seen.toFixed(0)} ms`,
  );
  console.log(`  ratio ${(done / b).toFixed(2)}× (target <= 1.2×), overhead ${(done - b).toFixed(0)} ms`);
}
