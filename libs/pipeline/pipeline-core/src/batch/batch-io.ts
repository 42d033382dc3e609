import type { AwsClients } from '../context/clients';
import type { ImageCheck } from '../preflight/check-images';
import type { DockerProbe } from '../preflight/docker-probe';
import type { MlopsConfig } from '@mlops/config-reader';

/** Process-level inputs and outputs of a batch run, injectable so tests run batches in-process. */
export interface BatchIo {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Defaults to the SDK clients built from config endpoints. */
  createClients?: (config: MlopsConfig) => AwsClients;
  /** Root of `apps/<name>/dist` (built container apps) for the local image check; default the workspace. */
  appsRoot?: string;
  /** Docker as the local image check sees it; default the docker CLI. */
  dockerProbe?: DockerProbe;
  /** Replaces the image check (tests of AWS environments: ECR exists only on AWS). */
  imageCheck?: ImageCheck;
  /** Longest pause between job describes (ms); default 2000. */
  pollMs?: number;
  /** Stop waiting (SIGINT/SIGTERM in the CLI). */
  signal?: AbortSignal;
  /** Identity of the batch code for the step cache key (main: sha256 of the bundle). */
  codeVersion?: string;
}
