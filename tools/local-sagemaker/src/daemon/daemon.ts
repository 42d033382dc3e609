import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSameProcess, signalProcess } from '../proc/identity';
import { Discovery, readDiscovery, RunningStack } from '../state/discovery';

const START_TIMEOUT_MS = 60_000;

/**
 * Starts the local stack as a detached daemon (`<cli> start --state-dir <dir> ...args` in its own session,
 * output in `<dir>/emulator.log`) and returns its discovery record once it answers. It outlives whoever
 * started it: a killed client leaves its jobs running, and the next client finds it through the
 * discovery file. If another start won the state dir's lock meanwhile, that stack is returned.
 */
export async function launchDaemon(
  cliScript: string,
  stateDir: string,
  args: string[],
): Promise<RunningStack> {
  if (!existsSync(cliScript))
    throw new Error(
      `local-sagemaker CLI ${cliScript} not found: build it with \`npx nx run local-sagemaker:build\``,
    );
  mkdirSync(stateDir, { recursive: true });
  const logFile = join(stateDir, 'emulator.log');
  const out = openSync(logFile, 'a', 0o600);
  const child = spawn(process.execPath, [cliScript, 'start', '--state-dir', stateDir, ...args], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const found = readDiscovery(stateDir);
    if (found) return found;
    if (exited || Date.now() > deadline) {
      if (!exited) child.kill('SIGTERM');
      throw new Error(
        `local-sagemaker did not start for ${stateDir}; ${logFile} ends with:\n` +
          readFileSync(logFile, 'utf8').slice(-2000),
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM to the daemon (once its identity is proven); it stops its jobs and exits. False on timeout. */
export async function stopDaemon(discovery: Discovery, timeoutMs = 60_000): Promise<boolean> {
  const id = { pid: discovery.pid, startTime: discovery.startTime };
  signalProcess(id, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isSameProcess(id)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
