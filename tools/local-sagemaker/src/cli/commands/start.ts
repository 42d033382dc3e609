import { launchDaemon } from '../../daemon/daemon';
import { startLocalSageMaker } from '../../emulator';
import { ParsedArgs, flag } from '../args';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CREDENTIALS_FILE, PROFILE } from '../../auth/credentials';
import { identify } from '../../proc/identity';
import {
  Discovery,
  readDiscovery,
  removeDiscovery,
  requireDiscovery,
  writeDiscovery,
} from '../../state/discovery';
import { emulatorOptions, stateDirOf } from '../options';

export async function startCommand(args: ParsedArgs, argv: string[]): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readDiscovery(stateDir);
  if (running) {
    printEndpoints(running, stateDir, 'already running');
    return 0;
  }
  if (flag(args, 'background') === 'true') return startBackground(stateDir, argv);

  const options = emulatorOptions(args);
  const emulator = await startLocalSageMaker(options);
  const endpoints: Discovery = {
    pid: process.pid,
    startTime: identify(process.pid)?.startTime ?? '',
    startToken: randomBytes(16).toString('hex'),
    endpoint: emulator.endpoint,
    s3Endpoint: emulator.s3Endpoint,
    region: emulator.region,
    runtime: emulator.runtime,
    stateDir,
    owner: flag(args, 'owner'),
  };
  writeDiscovery(endpoints);
  printEndpoints(endpoints, stateDir, 'running');
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  console.log('local-sagemaker: stopping');
  await emulator.close();
  removeDiscovery(stateDir, endpoints.startToken);
  return 0;
}

/** Re-runs `start` without --background as a detached daemon; returns once it published its endpoints. */
async function startBackground(stateDir: string, argv: string[]): Promise<number> {
  const rest = argv.slice(1).filter((a) => a !== '--background');
  const running = await launchDaemon(process.argv[1], stateDir, rest);
  printEndpoints(running, stateDir, `running in the background (log: ${stateDir}/emulator.log)`);
  return 0;
}

export function printEndpoints(e: Discovery, stateDir: string, state: string): void {
  console.log(`local-sagemaker ${state} (runtime ${e.runtime}, pid ${e.pid}, state dir ${stateDir})`);
  console.log(`  SageMaker + CloudWatch Logs: ${e.endpoint}`);
  if (e.s3Endpoint) console.log(`  S3:                          ${e.s3Endpoint}`);
  console.log('  For the AWS SDKs, the AWS CLI and boto3 (also: `local-sagemaker env`):');
  for (const line of envLines(e, stateDir)) console.log(`    ${line}`);
}

/**
 * Shell lines that point AWS tools at this stack. The key pair is named by file and profile, never
 * printed: terminals and logs keep no secret.
 */
export function envLines(e: Discovery, stateDir: string): string[] {
  return [
    `export AWS_ENDPOINT_URL_SAGEMAKER=${e.endpoint}`,
    `export AWS_ENDPOINT_URL_CLOUDWATCH_LOGS=${e.endpoint}`,
    ...(e.s3Endpoint ? [`export AWS_ENDPOINT_URL_S3=${e.s3Endpoint}`] : []),
    `export AWS_REGION=${e.region}`,
    // boto3 before 1.28 and the AWS CLI before 2.13 read only the older name.
    `export AWS_DEFAULT_REGION=${e.region}`,
    `export AWS_SHARED_CREDENTIALS_FILE=${join(stateDir, CREDENTIALS_FILE)}`,
    `export AWS_PROFILE=${PROFILE}`,
  ];
}

/** `env`: the export lines for the running stack of the state dir, for `eval "$(local-sagemaker env)"`. */
export function envCommand(args: ParsedArgs): number {
  const stateDir = stateDirOf(args);
  for (const line of envLines(requireDiscovery(stateDir), stateDir)) console.log(line);
  return 0;
}
