import { IMAGE_DIGESTS_ENV } from '@mlops/pipeline-core';
import type { Phase } from './phases';

/** A host path bound into a batch container at the same absolute path. */
export interface BindMount {
  path: string;
  readOnly: boolean;
}

export interface DockerBatchSpec {
  image: string;
  /** Deterministic, so a container left by a killed run can be found and removed by name. */
  name: string;
  runId: string;
  /** Working directory inside the container: the orchestrator's cwd (the repo root). */
  cwd: string;
  mounts: readonly BindMount[];
  /** Variables passed as `-e NAME`: the docker client copies each value from its own env. */
  envNames: readonly string[];
  /** `uid:gid` of the host user, so files the batch writes are not root-owned; undefined = image default. */
  user?: string;
  /** What follows the image: the batch CLI's argv (the image's entrypoint runs the bundle). */
  command: readonly string[];
}

/** Label on every batch container: `docker ps -a --filter label=<this>=<run-id>` finds a run's containers. */
export const RUN_ID_LABEL = 'io.mlops.local-pipeline.run-id';

/** `pipeline-<phase>:latest`: the image `docker:build` of `apps/pipeline-<phase>` tags. */
export function batchImage(phase: Phase): string {
  return `pipeline-${phase}:latest`;
}

/** `lp-<run-id>-<model>-<phase>`: run ids and model names are already [a-zA-Z0-9-], valid in a name. */
export function batchContainerName(runId: string, model: string, phase: Phase): string {
  return `lp-${runId}-${model}-${phase}`;
}

// What a batch reads from its env: config overrides and `env:` secret references (MLOPS__*, PGPASSWORD),
// its describe interval (MLOPS_POLL_MS), the AWS SDK's settings and credentials (AWS_*), libpq-style PG*
// defaults. Nothing else is forwarded.
const FORWARDED = new RegExp(
  `^((MLOPS__|AWS_|PG)[A-Za-z0-9_]*|MLOPS_POLL_MS|MLOPS_PREFLIGHT_IMAGES|${IMAGE_DIGESTS_ENV})$`,
);

/** The names of `env` that a batch container gets, sorted; never their values. */
export function forwardedEnvNames(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => FORWARDED.test(name) && env[name] !== undefined)
    .sort();
}

/**
 * `docker run` argv for one batch. Host network, so the batch reaches the local stack and PostgreSQL on
 * loopback exactly as a host process would; `--pull never`, so a missing image fails instead of
 * reaching for a registry. Values of env variables never appear here (see `envNames`).
 */
export function dockerRunArgs(spec: DockerBatchSpec): string[] {
  const args = ['run', '--rm', '--pull', 'never', '--name', spec.name];
  args.push('--label', `${RUN_ID_LABEL}=${spec.runId}`, '--network', 'host', '-w', spec.cwd);
  if (spec.user !== undefined) args.push('--user', spec.user);
  for (const m of spec.mounts) {
    // `-v` splits on ':'; such a path cannot be expressed, so say which one instead of mounting garbage.
    if (m.path.includes(':') || m.path.includes(','))
      throw new Error(
        `cannot bind-mount ${JSON.stringify(m.path)} into a batch container: ':' or ',' in the path`,
      );
    args.push('-v', `${m.path}:${m.path}:${m.readOnly ? 'ro' : 'rw'}`);
  }
  for (const name of spec.envNames) args.push('-e', name);
  args.push(spec.image, ...spec.command);
  return args;
}
