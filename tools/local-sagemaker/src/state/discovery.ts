import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIALS_FILE, readCredentialsFile, StackCredentials } from '../auth/credentials';
import { isSameProcess } from '../proc/identity';
import { writeFileAtomic } from './atomic-write';

/**
 * The one file through which clients find the running local stack of a state dir: the CLI's
 * status/stop/jobs, local-pipeline and the batches it runs. Written by the stack once it answers,
 * removed when it stops (mode 0600). The key pair is not in it: readers take it from the credentials file
 * of the same state dir, the one place the secret is written. A file whose process is gone (pid + start
 * time) is ignored: the stack was killed.
 */
export interface Discovery {
  pid: number;
  /** Start time of `pid` (/proc/<pid>/stat): with the pid, the proof that the stack still runs. */
  startTime: string;
  /** Random per start: tells two starts of a stack apart (clients compare it to notice a restart). */
  startToken: string;
  endpoint: string;
  s3Endpoint?: string;
  region: string;
  runtime: string;
  stateDir: string;
  /** Who started it (`start --owner`): local-pipeline stops only the stacks it started itself. */
  owner?: string;
}

export const DISCOVERY_FILE = 'local-stack.json';
const file = (stateDir: string) => join(stateDir, DISCOVERY_FILE);

export function writeDiscovery(discovery: Discovery): void {
  writeFileAtomic(file(discovery.stateDir), JSON.stringify(discovery, null, 2), 0o600);
}

/** Removes the file if it still describes the stack that `startToken` names (not a newer one). */
export function removeDiscovery(stateDir: string, startToken: string): void {
  const current = readRaw(stateDir);
  if (current?.startToken === startToken) rmSync(file(stateDir), { force: true });
}

/** A running stack as its clients see it: what it published, and the key pair every endpoint requires. */
export type RunningStack = Discovery & { credentials: StackCredentials };

/** The running stack of this state dir, or undefined. */
export function readDiscovery(stateDir: string): RunningStack | undefined {
  const discovery = readRaw(stateDir);
  if (!discovery) return undefined;
  if (!isSameProcess({ pid: discovery.pid, startTime: discovery.startTime })) return undefined;
  return { ...discovery, credentials: readCredentialsFile(join(stateDir, CREDENTIALS_FILE)) };
}

export function requireDiscovery(stateDir: string): RunningStack {
  const discovery = readDiscovery(stateDir);
  if (!discovery)
    throw new Error(
      `No local-sagemaker is running for state dir ${stateDir} (start one with \`start --background\`)`,
    );
  return discovery;
}

function readRaw(stateDir: string): Discovery | undefined {
  if (!existsSync(file(stateDir))) return undefined;
  try {
    return JSON.parse(readFileSync(file(stateDir), 'utf8')) as Discovery;
  } catch {
    return undefined; // damaged: as good as absent, a start rewrites it
  }
}
