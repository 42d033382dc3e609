import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../state/atomic-write';
import { isAlive } from '../state/state-lock';
import { CREDENTIALS_FILE, readCredentialsFile, StackCredentials } from '../auth/credentials';

/** What a running `start` publishes in its state dir, so `status`, `jobs`, `stop` … find it. */
export interface Endpoints {
  pid: number;
  endpoint: string;
  s3Endpoint?: string;
  region: string;
  runtime: string;
}

const file = (stateDir: string) => join(stateDir, 'endpoints.json');

export function writeEndpoints(stateDir: string, endpoints: Endpoints): void {
  writeFileAtomic(file(stateDir), JSON.stringify(endpoints, null, 2));
}

export function removeEndpoints(stateDir: string): void {
  rmSync(file(stateDir), { force: true });
}

/** A running emulator: what it published, plus the key pair from its state dir (never in endpoints.json). */
export type RunningEndpoints = Endpoints & { credentials: StackCredentials };

/** The running emulator of this state dir, or undefined (a stale file of a dead one is ignored). */
export function readEndpoints(stateDir: string): RunningEndpoints | undefined {
  if (!existsSync(file(stateDir))) return undefined;
  const endpoints = JSON.parse(readFileSync(file(stateDir), 'utf8')) as Endpoints;
  if (!isAlive(endpoints.pid)) return undefined;
  return { ...endpoints, credentials: readCredentialsFile(join(stateDir, CREDENTIALS_FILE)) };
}

export function requireEndpoints(stateDir: string): RunningEndpoints {
  const endpoints = readEndpoints(stateDir);
  if (!endpoints)
    throw new Error(
      `No local-sagemaker is running for state dir ${stateDir} (start one with \`start --background\`)`,
    );
  return endpoints;
}
