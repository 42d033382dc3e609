import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalSageMaker } from '../../emulator';
import { ParsedArgs, flag } from '../args';
import { CREDENTIALS_FILE, PROFILE } from '../../auth/credentials';
import {
  Endpoints,
  readEndpoints,
  removeEndpoints,
  requireEndpoints,
  writeEndpoints,
} from '../endpoints-file';
import { emulatorOptions, stateDirOf } from '../options';

export async function startCommand(args: ParsedArgs, argv: string[]): Promise<number> {
  const stateDir = stateDirOf(args);
  const running = readEndpoints(stateDir);
  if (running) {
    printEndpoints(running, stateDir, 'already running');
    return 0;
  }
  if (flag(args, 'background') === 'true') return startBackground(stateDir, argv);

  const options = emulatorOptions(args);
  const emulator = await startLocalSageMaker(options);
  const endpoints: Endpoints = {
    pid: process.pid,
    endpoint: emulator.endpoint,
    s3Endpoint: emulator.s3Endpoint,
    region: emulator.region,
    runtime: emulator.runtime,
  };
  writeEndpoints(stateDir, endpoints);
  printEndpoints(endpoints, stateDir, 'running');
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  console.log('local-sagemaker: stopping');
  await emulator.close();
  removeEndpoints(stateDir);
  return 0;
}

/** Re-runs `start` without --background as a detached child; returns once it published its endpoints. */
async function startBackground(stateDir: string, argv: string[]): Promise<number> {
  mkdirSync(stateDir, { recursive: true });
  const logFile = join(stateDir, 'emulator.log');
  const out = openSync(logFile, 'a');
  const childArgs = argv.filter((a) => a !== '--background' && a !== '--background=true');
  const child = spawn(process.execPath, [process.argv[1], ...childArgs], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? 1));
  child.unref();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const endpoints = readEndpoints(stateDir);
    if (endpoints && endpoints.pid === child.pid) {
      printEndpoints(endpoints, stateDir, `running in the background (log: ${logFile})`);
      return 0;
    }
    if (exited !== null || Date.now() > deadline) {
      console.error(
        `local-sagemaker: background start failed; ${logFile} says:\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
      );
      if (exited === null) child.kill('SIGTERM');
      return 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function printEndpoints(e: Endpoints, stateDir: string, state: string): void {
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
export function envLines(e: Endpoints, stateDir: string): string[] {
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
  for (const line of envLines(requireEndpoints(stateDir), stateDir)) console.log(line);
  return 0;
}
