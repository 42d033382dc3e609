import { startLocalSageMaker } from '@mlops/local-sagemaker';
import { join } from 'node:path';
import type { MlopsConfig } from '@mlops/config-reader';
import { endpointPort } from './endpoints';

export interface LocalStack {
  sagemakerEndpoint: string;
  s3Endpoint: string;
  runtime: 'docker' | 'process';
  /** Env for the batch processes so they reach this stack (overrides the config's endpoints and ports). */
  childEnv: Record<string, string>;
  stop(): Promise<void>;
}

export interface StartStackOptions {
  config: MlopsConfig;
  runtime: 'docker' | 'process';
  /** Root holding `apps/<image>/dist` for the process runtime. */
  appsRoot: string;
}

/**
 * Starts the local SageMaker + Logs emulator and the embedded S3 in this process, on the ports of the
 * config (0 = any free port), with the state under `local.stateDir`, and creates the bucket.
 */
export async function startStack({ config, runtime, appsRoot }: StartStackOptions): Promise<LocalStack> {
  const { endpoints, region, bucket } = config.aws;
  if (!endpoints.sagemaker || !endpoints.s3)
    throw new Error(
      `${config.file}: aws.endpoints.sagemaker and aws.endpoints.s3 are needed for the local stack`,
    );
  const stack = await startLocalSageMaker({
    stateDir: stackStateDir(config),
    port: endpointPort(endpoints.sagemaker, 'aws.endpoints.sagemaker'),
    runtime,
    region,
    appsRoot,
    s3: { embedded: true, port: endpointPort(endpoints.s3, 'aws.endpoints.s3'), buckets: [bucket] },
  });
  const s3Endpoint = stack.s3Endpoint;
  if (!s3Endpoint) {
    await stack.close();
    throw new Error('local stack started without its embedded S3');
  }
  return {
    sagemakerEndpoint: stack.endpoint,
    s3Endpoint,
    runtime: stack.runtime,
    childEnv: {
      MLOPS__AWS__ENDPOINTS__SAGEMAKER: stack.endpoint,
      MLOPS__AWS__ENDPOINTS__LOGS: stack.endpoint,
      MLOPS__AWS__ENDPOINTS__S3: s3Endpoint,
      // The stack's own key pair (generated into its state dir, mode 0600): every local endpoint requires
      // it, and it keeps real AWS keys away from the local stack.
      AWS_ACCESS_KEY_ID: stack.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: stack.credentials.secretAccessKey,
      AWS_REGION: region,
      // The emulator answers Describe in well under a millisecond: poll it every 250 ms, not AWS's 2 s.
      MLOPS_POLL_MS: process.env.MLOPS_POLL_MS ?? '250',
    },
    stop: () => stack.close(),
  };
}

/** `<local.stateDir>/local-sagemaker`: job records, logs and the local S3's data (`s3/`). */
export function stackStateDir(config: MlopsConfig): string {
  return join(config.local.stateDir, 'local-sagemaker');
}
