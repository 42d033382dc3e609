import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDiscovery, stopDaemon } from '@mlops/local-sagemaker';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
/** configs/ of the repo; LOCAL_PIPELINE_CONFIG_DIR points the tests at another config dir (local.yaml). */
export const CONFIG_DIR = process.env.LOCAL_PIPELINE_CONFIG_DIR ?? join(REPO_ROOT, 'configs');
export const MAIN = join(REPO_ROOT, 'tools', 'local-pipeline', 'dist', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => res(port));
    });
  });
}

export async function portIsOpen(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((res) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      res(true);
    });
    socket.once('error', () => res(false));
  });
}

/** A private copy of the local environment: own ports, state dir, SQLite file and report dir. */
export interface TestEnv {
  tmp: string;
  stateDir: string;
  dbPath: string;
  reportDir: string;
  s3Port: number;
  sagemakerPort: number;
  /** MLOPS__ overrides for the orchestrator and (inherited) the batches. */
  env: NodeJS.ProcessEnv;
}

export async function makeTestEnv(prefix: string, extra: Record<string, string> = {}): Promise<TestEnv> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const s3Port = await freePort();
  const sagemakerPort = await freePort();
  const stateDir = join(tmp, 'state');
  const dbPath = join(tmp, 'mlops.sqlite');
  const reportDir = join(tmp, 'reports');
  return {
    tmp,
    stateDir,
    dbPath,
    reportDir,
    s3Port,
    sagemakerPort,
    env: {
      ...process.env,
      MLOPS__AWS__ENDPOINTS__S3: `http://127.0.0.1:${s3Port}`,
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: `http://127.0.0.1:${sagemakerPort}`,
      MLOPS__AWS__ENDPOINTS__LOGS: `http://127.0.0.1:${sagemakerPort}`,
      MLOPS__LOCAL__STATE_DIR: stateDir,
      MLOPS__DB__PATH: dbPath,
      MLOPS__REPORT_DIR: reportDir,
      ...extra,
    },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built main job (`node tools/local-pipeline/dist/main.js ...`) to completion. */
export function runMain(
  args: string[],
  env: NodeJS.ProcessEnv,
  configDir: string = CONFIG_DIR,
): Promise<RunResult> {
  return runNode(MAIN, ['--config-dir', configDir, ...args], env);
}

/** Runs a built CLI (`node <script> ...`) from the repository root to completion, capturing its output. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  const started = Date.now();
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

export interface RunningMain {
  child: ReturnType<typeof spawn>;
  /** Exit code once the main job has ended (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
}

/** Starts the main job and resolves once iris training is InProgress (the batch streams its status lines). */
export async function startMainUntilTraining(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { ownGroup?: boolean } = {},
): Promise<RunningMain> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as `npm start` in a terminal: the test can signal the whole group.
    detached: opts.ownGroup === true,
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((res) => child.on('close', res));
  await new Promise<void>((res, rej) => {
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      if (/iris\/training │ .*InProgress/.test(stdout)) res();
    });
    void exited.then(() => rej(new Error(`main job ended before training ran:\n${stdout}\n${stderr}`)));
  });
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Stops the local stack a test left running (a detached run keeps it for its jobs), then removes the env. */
export async function disposeTestEnv(t: TestEnv | undefined): Promise<void> {
  if (!t) return;
  const running = readDiscovery(join(t.stateDir, 'local-sagemaker'));
  if (running) await stopDaemon(running);
  rmSync(t.tmp, { recursive: true, force: true });
}
