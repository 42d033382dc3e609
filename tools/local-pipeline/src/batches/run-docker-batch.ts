import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { DockerBatchSpec, dockerRunArgs, RUN_ID_LABEL } from './docker-run-args';
import type { Phase } from './phases';
import { BatchResult, RunningBatch, watchBatch } from './watch-batch';

// Containers started and not yet known to be gone: a hard exit (second Ctrl-C) removes them synchronously.
const live = new Set<string>();

/**
 * Runs one batch as `docker run --rm` of its image; output lines stream as from a process (the client
 * is attached, without a TTY, and proxies SIGINT/SIGTERM to the container). When the client ends any
 * other way than exit 0 (failure, SIGKILL after the Ctrl-C grace period) the container is removed by
 * name before `done` resolves, so nothing is left running.
 * `env` is the docker client's environment: it supplies the values of `spec.envNames`.
 */
export function runDockerBatch(
  batch: { phase: Phase; model: string },
  spec: DockerBatchSpec,
  env: NodeJS.ProcessEnv,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): RunningBatch {
  for (const m of spec.mounts) {
    // Docker would create a missing source as root; a read-write dir is made by us, a missing read-only
    // one is left out so the batch itself reports the missing input (its error names the config key).
    if (!m.readOnly) mkdirSync(m.path, { recursive: true });
  }
  const args = dockerRunArgs({
    ...spec,
    mounts: spec.mounts.filter((m) => !m.readOnly || existsSync(m.path)),
  });
  live.add(spec.name);
  const child = spawn('docker', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = watchBatch(child, batch, `docker run ${spec.image}`, onLine).then(async (result) => {
    if (result.exitCode !== 0) await removeContainers([spec.name]);
    live.delete(spec.name);
    return result;
  });
  return { child, done };
}

/** `docker rm -f` by name or id; containers already gone are fine (the daemon says "No such container"). */
export function removeContainers(names: readonly string[]): Promise<void> {
  if (names.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    execFile('docker', ['rm', '-f', ...names], { timeout: 30_000 }, () => resolve());
  });
}

/**
 * Removes the containers of this run id left by an orchestrator that was killed outright, so a resumed
 * run does not trip over their names. Returns their names.
 */
export function removeRunContainers(runId: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['ps', '-a', '--filter', `label=${RUN_ID_LABEL}=${runId}`, '--format', '{{.Names}}'],
      { timeout: 30_000 },
      (err, stdout) => {
        const names = err ? [] : stdout.split('\n').filter((n) => n !== '');
        void removeContainers(names).then(() => resolve(names));
      },
    );
  });
}

/** For a hard exit, when there is no time for the normal path: removes every batch container still live. */
export function removeLiveContainersSync(): void {
  if (live.size === 0) return;
  try {
    execFileSync('docker', ['rm', '-f', ...live], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    // Best effort on the way out; the run's containers carry its run id in their names and label.
  }
  live.clear();
}

export type { BatchResult };
